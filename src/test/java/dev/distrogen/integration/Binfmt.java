package dev.distrogen.integration;

import dev.distrogen.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The kernel's binfmt_misc entry that runs arm64 programs with Debian's qemu-user-static. The
 * package ships the entry (/usr/lib/binfmt.d/qemu-aarch64.conf) but registers it only through
 * systemd-binfmt or binfmt-support, neither of which runs in a container: so it is registered here,
 * as root, when it is missing. Its F flag makes the kernel open QEMU once, so that it runs inside
 * the build's chroot too.
 */
final class Binfmt {

    static final Path MISC = Path.of("/proc/sys/fs/binfmt_misc");
    static final Path AARCH64 = Path.of("/usr/lib/binfmt.d/qemu-aarch64.conf");

    private Binfmt() {}

    /** Skips (fails in CI) unless arm64 programs can run here; registers QEMU if it must. */
    static void requireAarch64() throws IOException {
        Tools.requireOnPath(
                "a foreign-architecture build runs its build stage under QEMU (qemu-user-static)",
                "qemu-aarch64-static");
        Tools.requireRoot("registering QEMU with binfmt_misc needs root");
        if (!Files.exists(MISC.resolve("register"))) {
            Command.run(
                    Duration.ofMinutes(1),
                    List.of("mount", "-t", "binfmt_misc", "binfmt_misc", MISC.toString()));
        }
        Path entry = MISC.resolve("qemu-aarch64");
        if (!Files.exists(entry) && Files.isRegularFile(AARCH64)) {
            String line =
                    Files.readAllLines(AARCH64, StandardCharsets.US_ASCII).stream()
                            .filter(l -> l.startsWith(":"))
                            .findFirst()
                            .orElseThrow();
            Files.writeString(MISC.resolve("register"), line, StandardCharsets.US_ASCII);
        }
        Tools.require(
                Files.exists(entry)
                        && Files.readString(entry, StandardCharsets.US_ASCII).startsWith("enabled"),
                "the kernel has no enabled binfmt_misc entry qemu-aarch64 ("
                        + entry
                        + "): mount binfmt_misc and register "
                        + AARCH64
                        + " (.ci/install-tools does)");
    }
}
