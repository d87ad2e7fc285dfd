package dev.distrogen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.Forked;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HugeInputTest's inputs through distrogen in JVMs of their own with a small heap (seconds of CPU
 * each), and one too small.
 */
class HugeInputIT {

    @TempDir Path tmp;

    @Test
    void inA256MegabyteHeap_theLongLineAndDevZero_endWithMessages_noStackTrace()
            throws IOException {
        Path spec = HugeInputTest.oneLongLine(tmp);
        for (String file : List.of(spec.toString(), "/dev/zero")) {
            for (String target : List.of("check", "plan")) {
                List<String> args =
                        target.equals("check")
                                ? List.of("check", "--color=never", file)
                                : List.of(file);
                Forked run =
                        Forked.java(
                                List.of("-Xmx256m"), Map.of(), tmp, args.toArray(String[]::new));
                assertEquals(file.equals("/dev/zero") ? 2 : 1, run.exit(), run.err());
                assertFalse(
                        run.err().contains("Exception") || run.err().contains("Error:"), run.err());
                assertTrue(
                        run.errBytes() < 60_000, file + ": " + run.errBytes() + " bytes on stderr");
            }
        }
    }

    /**
     * An Error is no exception to the rule: a spec at the size limit, in a heap far too small for
     * it, ends the run with exit 70 and one line, not a stack trace.
     */
    @Test
    void outOfMemory_exit70_oneLine() throws IOException {
        StringBuilder spec =
                new StringBuilder(
                        "app \"web\" { binary \"/usr/bin/web\" }\nuser \"web\" uid 1 gid 1\n");
        for (int i = 0; spec.length() < Compiler.MAX_SPEC_BYTES - 100; i++) {
            spec.append("label \"k").append(i).append("\" = \"v\"\n");
        }
        Path big = Files.writeString(tmp.resolve("labels.dl"), spec);
        Forked run = Forked.java(List.of("-Xmx24m"), Map.of(), tmp, "check", big.toString());
        assertEquals(70, run.exit(), run.err());
        assertEquals(
                "distrogen: internal error: java.lang.OutOfMemoryError: Java heap space (please report it)\n",
                run.err());
    }
}
