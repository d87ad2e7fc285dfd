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
    void packages_followTheImagesSorted_parseBack_andPinOnlyNamesWithoutAVersion()
            throws Exception {
        LockFile lock =
                new LockFile(
                        Map.of("debian:bookworm", B),
                        Map.of(
                                "tini",
                                "0.19.0-1+b3",
                                "caddy",
                                "2.6.2-5",
                                "zlib1g",
                                "1:1.2.13.dfsg-1"));
        String text = lock.text("web.dl");
        assertTrue(
                text.endsWith(
                        "image debian:bookworm "
                                + B
                                + "\npackage caddy 2.6.2-5\npackage tini 0.19.0-1+b3\npackage zlib1g 1:1.2.13.dfsg-1\n"),
                text);
        assertEquals(lock, LockFile.parse(text));
        assertEquals(
                java.util.List.of(
                        "caddy=2.6.2-5", "curl", "tini=0.19.0-1+b3", "zlib1g=1:1.2.13.dfsg-1"),
                lock.pinPackages(java.util.List.of("caddy", "curl", "tini", "zlib1g")));
    }

    @Test
    void aPackageLineThatAShellWouldRead_isRefused() {
        for (String line :
                java.util.List.of(
                        "package tini 1.0;rm -rf /",
                        "package tini $(id)",
                        "package -y 1.0",
                        "package tini 1.0 extra")) {
            assertThrows(LockException.class, () -> LockFile.parse(line + "\n"), line);
        }
    }

    @Test
    void aLineItCannotRead_isNamed() {
        LockException e =
                assertThrows(
                        LockException.class,
                        () -> LockFile.parse("# ok\nimage debian:bookworm sha256:short\n"));
        assertEquals(
                "line 2 is not 'image REFERENCE sha256:DIGEST' nor 'package NAME VERSION': image debian:bookworm sha256:short",
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
                        + ": line 1 is not 'image REFERENCE sha256:DIGEST' nor 'package NAME VERSION': "
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

    @Test
    void generation_installsTheLockedVersionOfEachPackage_andLeavesTheSpecsOwnVersions()
            throws Exception {
        Path spec = tmp.resolve("web.dl");
        Files.writeString(
                spec,
                "image \"acme/web\"\napp \"web\" { binary \"/usr/bin/web\" }\nuser \"web\" uid 10001 gid 10001\n"
                        + "docker {\n    from \"debian:bookworm\"\n"
                        + "    packages \"tini\" \"zlib1g\" \"curl=7.88.1-10\" \"unlocked\"\n}\n");
        Files.writeString(
                tmp.resolve("web.lock"),
                "image debian:bookworm "
                        + A
                        + "\npackage tini 0.19.0-1+b3\npackage zlib1g 1:1.2.13.dfsg-1\n");
        CliRun pinned = CliRun.run(spec.toString(), "--target", "dockerfile");
        assertEquals(0, pinned.exit(), pinned.err());
        assertTrue(
                pinned.out()
                        .contains(
                                "RUN sh /distrogen/packages.sh debian:bookworm@"
                                        + A
                                        + " \\\n    tini=0.19.0-1+b3 \\\n    zlib1g=1:1.2.13.dfsg-1"
                                        + " \\\n    curl=7.88.1-10 \\\n    unlocked\n"),
                pinned.out());
        assertTrue(
                pinned.out().lines().allMatch(line -> line.length() <= 140),
                "pinned, a package to a line: " + pinned.out());
    }
}
