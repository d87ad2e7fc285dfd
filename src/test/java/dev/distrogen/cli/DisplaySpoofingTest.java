package dev.distrogen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec string that reaches a terminal or a page is shown as it is, not as it displays: {@code
 * description "safe\u202Etxt.exe"} would show as "safeexe.txt". No bidirectional control, C1
 * control or line/paragraph separator reaches the plan, IMAGE.md, the diagnostics or {@code
 * check}'s output; each shows as U+FFFD (a C0 control as its symbol).
 */
class DisplaySpoofingTest {

    /** Reorder what follows them, or break a line that the reader does not see break. */
    static final List<String> HIDDEN =
            List.of(
                    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
                    "\u2069", "\u200e", "\u200f", "\u061c", "\u0085", "\u2028", "\u2029", "\u009b");

    private static final String SPEC =
            """
            image "web" tag "1"
            description "safe\u202etxt.exe \u2066x\u2069 \u2028line"
            label "org.example.note" = "\u202dreversed\u202c"
            app "web" {
                binary "/usr/bin/w\u202eb"
                args "--name=\u202egpj.exe" "\u0085next"
                env GREETING = "hi\u2067there\u2069"
                workdir "/srv/\u200fx"
            }
            user "web" uid 10001 gid 10001
            dir "/var/cache/\u202ecache" owner "web"
            docker { from "web:1" }
            """;

    @TempDir Path tmp;

    private Path spec(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static void assertShownSafely(String text) {
        for (String c : HIDDEN) {
            assertTrue(
                    !text.contains(c),
                    String.format("U+%04X shown raw in:%n%s", (int) c.charAt(0), text));
        }
        assertTrue(
                text.contains("\ufffd"),
                "the characters are shown as U+FFFD, not dropped:\n" + text);
    }

    @Test
    void planTarget_showsNoBidiControlOrSeparator() throws IOException {
        CliRun run = CliRun.run(spec("web.dl", SPEC).toString(), "--target", "plan");
        assertEquals(0, run.exit(), run.err());
        assertShownSafely(run.out());
        assertTrue(run.out().contains("w\ufffdb"), run.out());
    }

    @Test
    void docsTarget_showsNoBidiControlOrSeparator() throws IOException {
        CliRun run = CliRun.run(spec("web.dl", SPEC).toString(), "--target", "docs");
        assertEquals(0, run.exit(), run.err());
        assertShownSafely(run.out());
        assertTrue(run.out().contains("safe\ufffdtxt.exe"), run.out());
    }

    @Test
    void diagnostics_showNoBidiControlOrSeparator_inTheFileName_message_sourceOrHint()
            throws IOException {
        Path spec =
                spec("a\u202egpj.dl", SPEC.replace("dir \"/var/cache/", "dir \"var/cache/\u2028"));
        CliRun run = CliRun.run("check", "--color=never", spec.toString());
        assertEquals(1, run.exit(), run.err());
        assertShownSafely(run.err());
        assertTrue(run.err().contains("a\ufffdgpj.dl:11:5: error[DG020]"), run.err());
    }

    @Test
    void check_namesTheSpecSafely_whenItIsOk() throws IOException {
        Path spec = spec("ok\u202egpj.dl", SPEC);
        CliRun run = CliRun.run("check", spec.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(spec.toString().replace('\u202e', '\ufffd') + ": ok\n", run.out());
    }
}
