package dev.distrogen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Forked;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HugeInputTest's inputs through distrogen in JVMs of their own with a small heap (seconds of CPU each). */
class HugeInputIT {

    @TempDir
    Path tmp;

    @Test
    void inA256MegabyteHeap_theLongLineAndDevZero_endWithMessages_noStackTrace() throws IOException {
        Path spec = HugeInputTest.oneLongLine(tmp);
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
}
