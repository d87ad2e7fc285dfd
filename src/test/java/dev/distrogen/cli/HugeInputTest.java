package dev.distrogen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.diagnostic.DiagnosticFormatter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Huge and endless input: diagnostics stay bounded (a window of each line, at most {@value
 * DiagnosticFormatter#MAX_SHOWN} of them), a file beyond {@link Compiler#MAX_SPEC_BYTES} is
 * refused, and none of it needs more than a small heap (HugeInputIT, in processes of their own).
 */
class HugeInputTest {

    @TempDir Path tmp;

    /**
     * The issue's case: about 80 KB on one line, 7,400 errors; before, 740 MB of stderr. (The
     * issue's `app "a" {` x 7,400 now gives two errors: the parser recovers at block level.)
     */
    static Path oneLongLine(Path tmp) throws IOException {
        return Files.writeString(tmp.resolve("long.dl"), "port 99999 ".repeat(7_400));
    }

    @Test
    void aLongLineWithThousandsOfErrors_givesBoundedDiagnostics() throws IOException {
        CliRun run = CliRun.run("check", "--color=never", oneLongLine(tmp).toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().length() < 60_000, "stderr: " + run.err().length() + " characters");
        assertTrue(
                run.err().matches("(?s).*\\n\\.\\.\\. and \\d+ more\\n\\d+ errors\\n"),
                run.err().substring(run.err().length() - 200));
        for (String line : run.err().split("\n")) {
            assertTrue(line.length() <= 420, "a line of " + line.length() + " characters");
        }
    }

    @Test
    void aLongLine_excerptIsAWindowAroundTheColumn_withTheCaretUnderIt() throws IOException {
        String spec =
                "app \"a\" { binary \"/a\" args "
                        + "\"x\" ".repeat(200)
                        + "stop \"SIGQUIR\" libs "
                        + "\"/l\" ".repeat(100)
                        + "}\nuser \"a\" uid 1 gid 1\n";
        CliRun run =
                CliRun.run(
                        "check",
                        "--color=never",
                        Files.writeString(tmp.resolve("w.dl"), spec).toString());
        String[] lines = run.err().split("\n");
        assertTrue(lines[0].contains("error[DG060]"), run.err());
        String excerpt = lines[1];
        String caret = lines[2];
        assertTrue(excerpt.startsWith(" 1 | ...") && excerpt.endsWith("..."), excerpt);
        assertEquals(
                "\"SIGQUIR\"",
                excerpt.substring(caret.indexOf('^'), caret.indexOf('^') + 9),
                excerpt + "\n" + caret);
    }

    @Test
    void devZero_isRefused_asTooLarge_exit2() {
        CliRun run = CliRun.run("check", "/dev/zero");
        assertEquals(2, run.exit(), run.err());
        assertEquals(
                "distrogen: cannot read /dev/zero: larger than 4 MiB, the most a spec may hold\n",
                run.err());
    }

    @Test
    void aFileBeyondTheLimit_isRefused_oneAtTheLimitIsRead() throws IOException {
        Path big = tmp.resolve("big.dl");
        Files.write(big, ("#".repeat(Compiler.MAX_SPEC_BYTES - 1) + "\n").getBytes());
        assertEquals(
                1,
                CliRun.run("check", big.toString()).exit(),
                "read, and reported as a spec without app");
        Files.write(big, ("#".repeat(Compiler.MAX_SPEC_BYTES) + "\n").getBytes());
        CliRun run = CliRun.run("check", big.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("larger than 4 MiB"), run.err());
    }
}
