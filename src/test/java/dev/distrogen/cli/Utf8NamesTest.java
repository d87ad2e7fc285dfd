package dev.distrogen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Forked;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File names are UTF-8 whatever the locale: under LANG=C a spec named ünï.dl with {@code from
 * "café.conf"} works through the launcher, which starts Java in a UTF-8 locale (Java fixes the
 * charset of names when it starts; -Dsun.jnu.encoding does not change how it reads its own command
 * line). Java started directly in LANG=C says why a name is unreadable.
 */
class Utf8NamesTest {

    @TempDir Path tmp;

    private void spec() throws IOException {
        Files.writeString(
                tmp.resolve("ünï.dl"),
                """
                app "web" { binary "/usr/bin/web" }
                user "web" uid 10001 gid 10001
                config "/etc/web/café.conf" from "café.conf"
                """);
        Files.writeString(tmp.resolve("café.conf"), "x\n");
    }

    @Test
    void underLangC_theLauncher_readsUtf8Names() throws IOException {
        spec();
        Forked run = Forked.launcher(tmp, Map.of("LANG", "C"), tmp, "ünï.dl");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("# Image plan of ünï.dl,"), run.out());
        assertTrue(run.out().contains("café.conf  <- café.conf"), run.out());
    }

    @Test
    void underLangC_javaStartedDirectly_saysWhyTheNameIsUnreadable() throws IOException {
        spec();
        Forked run = Forked.java(List.of(), Map.of("LANG", "C"), tmp, "ünï.dl");
        assertEquals(2, run.exit(), run.err());
        assertTrue(
                run.err()
                        .contains(
                                "is not a valid path; Java reads file names in the locale's charset"),
                run.err());
    }
}
