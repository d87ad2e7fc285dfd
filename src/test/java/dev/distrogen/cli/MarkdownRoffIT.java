package dev.distrogen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Golden;
import dev.distrogen.Tools;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** distrogen.dl(5), converted by MarkdownRoff (MarkdownRoffTest), rendered by real groff. */
class MarkdownRoffIT {

    @TempDir Path tmp;

    /** The real page, as man shows it: groff reports no warning, and the text reads as written. */
    @Test
    void languageReference_rendersWithGroff_withoutWarnings() throws Exception {
        Tools.requireOnPath("the man page test renders it with groff", "groff");
        String roff =
                MarkdownRoff.convert(
                        Files.readString(Golden.root().resolve("docs/language.md")),
                        MarkdownRoffTest.PAGE,
                        List.of("distrogen(1)"));
        Path page = Files.writeString(tmp.resolve("distrogen.dl.5"), roff);
        Path out = tmp.resolve("out");
        Process groff =
                new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", "-b", page.toString())
                        .redirectOutput(out.toFile())
                        .redirectError(tmp.resolve("err").toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
        assertTrue(groff.waitFor(60, TimeUnit.SECONDS));
        String errors = Files.readString(tmp.resolve("err"));
        assertEquals(0, groff.exitValue(), errors);
        assertEquals("", errors);
        String text = Files.readString(out, StandardCharsets.UTF_8).replaceAll(".\b", "");
        assertTrue(text.contains("STATEMENTS"), text);
        assertTrue(
                text.contains("    binary  \"/usr/sbin/nginx\""),
                "code blocks keep their layout: " + text);
        assertTrue(text.contains("with the escapes \\\", \\\\, \\n and \\t"), text);
        assertTrue(text.contains("builder image|nix"), text);
        assertTrue(
                text.contains("package ATTR\n") && text.contains("Default: the app's name"), text);
        assertFalse(text.contains("\\f"), text);
    }
}
