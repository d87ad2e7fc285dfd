package dev.distrogen.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock file's format, and what generation does with a lock it cannot read. */
class LockFileTest {

    private static final String A = "sha256:" + "a".repeat(64);
    private static final String B = "sha256:" + "b".repeat(64);

    @TempDir Path tmp;

    @Test
    void text_isSortedAndParsesBack_andPinsOnlyWhatItHolds() throws Exception {
        LockFile lock = new LockFile(Map.of("z.example/base:1", A, "debian:bookworm", B));
        String text = lock.text("web.dl");
        assertTrue(
                text.endsWith(
                        "image debian:bookworm " + B + "\nimage z.example/base:1 " + A + "\n"),
                text);
        assertEquals(lock, LockFile.parse(text));
        assertEquals("debian:bookworm@" + B, lock.pin("debian:bookworm"));
        assertEquals("debian:trixie", lock.pin("debian:trixie"));
        assertEquals("web.lock", LockFile.nameFor("web.dl"));
        assertEquals("spec.lock", LockFile.nameFor("spec"));
    }

    @Test
    void aLineItCannotRead_isNamed() {
        LockException e =
                assertThrows(
                        LockException.class,
                        () -> LockFile.parse("# ok\nimage debian:bookworm sha256:short\n"));
        assertEquals(
                "line 2 is not 'image REFERENCE sha256:DIGEST': image debian:bookworm sha256:short",
                e.getMessage());
    }

    @Test
    void generation_withABrokenLock_exits1AndSaysWhichFile() throws Exception {
        Path spec = tmp.resolve("web.dl");
        Files.writeString(
                spec,
                "image \"acme/web\"\napp \"web\" { binary \"/usr/bin/web\" }\nuser \"web\" uid 10001 gid 10001\n"
                        + "docker { from \"debian:bookworm\" }\n");
        Files.writeString(tmp.resolve("web.lock"), "image debian:bookworm latest\n");
        CliRun run = CliRun.run(spec.toString(), "--target", "dockerfile");
        assertEquals(1, run.exit(), run.err());
        assertEquals(
                "distrogen: "
                        + tmp.resolve("web.lock")
                        + ": line 1 is not 'image REFERENCE sha256:DIGEST': "
                        + "image debian:bookworm latest (run distrogen lock on the spec to write it anew)\n",
                run.err());
        Files.writeString(tmp.resolve("web.lock"), "image debian:bookworm " + A + "\n");
        CliRun pinned = CliRun.run(spec.toString(), "--target", "dockerfile");
        assertEquals(0, pinned.exit(), pinned.err());
        assertTrue(
                pinned.out().contains("\nFROM debian:bookworm@" + A + " AS build\n"), pinned.out());
        assertTrue(
                pinned.out().contains("\nFROM scratch\n"),
                "scratch is no image to pin: " + pinned.out());
    }
}
