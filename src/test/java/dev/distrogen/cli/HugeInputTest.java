package dev.distrogen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.Forked;
import dev.distrogen.diagnostic.DiagnosticFormatter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Huge and endless input: diagnostics stay bounded (a window of each line, at most
 * {@value DiagnosticFormatter#MAX_SHOWN} of them), a file beyond {@link Compiler#MAX_SPEC_BYTES}
 * is refused, and none of it needs more than a small heap.
 */
class HugeInputTest {

    @TempDir
    Path tmp;

    /**
     * The issue's case: about 80 KB on one line, 7,400 errors; before, 740 MB of stderr. (The
     * issue's `app "a" {` x 7,400 now gives two errors: the parser recovers at block level.)
     */
    private Path oneLongLine() throws IOException {
        return Files.writeString(tmp.resolve("long.dl"), "port 99999 ".repeat(7_400));
    }

    @Test
    void aLongLineWithThousandsOfErrors_givesBoundedDiagnostics() throws IOException {
        CliRun run = CliRun.run("check", "--color=never", oneLongLine().toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().length() < 60_000, "stderr: " + run.err().length() + " characters");
        assertTrue(run.err().matches("(?s).*\\n\\.\\.\\. and \\d+ more\\n\\d+ errors\\n"), run.err().substring(run.err().length() - 200));
        for (String line : run.err().split("\n")) {
            assertTrue(line.length() <= 420, "a line of " + line.length() + " characters");
        }
    }

    @Test
    void aLongLine_excerptIsAWindowAroundTheColumn_withTheCaretUnderIt() throws IOException {
        String spec = "app \"a\" { binary \"/a\" args " + "\"x\" ".repeat(200) + "stop \"SIGQUIR\" libs " + "\"/l\" ".repeat(100) + "}\nuser \"a\" uid 1 gid 1\n";
        CliRun run = CliRun.run("check", "--color=never", Files.writeString(tmp.resolve("w.dl"), spec).toString());
        String[] lines = run.err().split("\n");
        assertTrue(lines[0].contains("error[DG060]"), run.err());
        String excerpt = lines[1];
        String caret = lines[2];
        assertTrue(excerpt.startsWith(" 1 | ...") && excerpt.endsWith("..."), excerpt);
        assertEquals("\"SIGQUIR\"", excerpt.substring(caret.indexOf('^'), caret.indexOf('^') + 9), excerpt + "\n" + caret);
    }

    @Test
    void devZero_isRefused_asTooLarge_exit2() {
        CliRun run = CliRun.run("check", "/dev/zero");
        assertEquals(2, run.exit(), run.err());
        assertEquals("distrogen: cannot read /dev/zero: larger than 4 MiB, the most a spec may hold\n", run.err());
    }

    @Test
    void aFileBeyondTheLimit_isRefused_oneAtTheLimitIsRead() throws IOException {
        Path big = tmp.resolve("big.dl");
        Files.write(big, ("#".repeat(Compiler.MAX_SPEC_BYTES - 1) + "\n").getBytes());
        assertEquals(1, CliRun.run("check", big.toString()).exit(), "read, and reported as a spec without app");
        Files.write(big, ("#".repeat(Compiler.MAX_SPEC_BYTES) + "\n").getBytes());
        CliRun run = CliRun.run("check", big.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("larger than 4 MiB"), run.err());
    }

    @Test
    void inA256MegabyteHeap_theLongLineAndDevZero_endWithMessages_noStackTrace() throws IOException {
        Path spec = oneLongLine();
        for (String file : List.of(spec.toString(), "/dev/zero")) {
            for (String target : List.of("check", "plan")) {
                List<String> args = target.equals("check") ? List.of("check", "--color=never", file) : List.of(file);
                Forked run = Forked.java(List.of("-Xmx256m"), Map.of(), tmp, args.toArray(String[]::new));
                assertEquals(file.equals("/dev/zero") ? 2 : 1, run.exit(), run.err());
                assertFalse(run.err().contains("Exception") || run.err().contains("Error:"), run.err());
                assertTrue(run.errBytes() < 60_000, file + ": " + run.errBytes() + " bytes on stderr");
            }
        }
    }

    /**
     * An Error is no exception to the rule: a spec at the size limit, in a heap far too small for
     * it, ends the run with exit 70 and one line, not a stack trace.
     */
    @Test
    void outOfMemory_exit70_oneLine() throws IOException {
        StringBuilder spec = new StringBuilder("app \"web\" { binary \"/usr/bin/web\" }\nuser \"web\" uid 1 gid 1\n");
        for (int i = 0; spec.length() < Compiler.MAX_SPEC_BYTES - 100; i++) {
            spec.append("label \"k").append(i).append("\" = \"v\"\n");
        }
        Path big = Files.writeString(tmp.resolve("labels.dl"), spec);
        Forked run = Forked.java(List.of("-Xmx24m"), Map.of(), tmp, "check", big.toString());
        assertEquals(70, run.exit(), run.err());
        assertEquals("distrogen: internal error: java.lang.OutOfMemoryError: Java heap space (please report it)\n", run.err());
    }
}
