package dev.distrogen.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A platform an image can be built for, as {@code platforms} names it (the OCI and BuildKit
 * spelling, "os/arch[/variant]"), with what each tool calls it: the image config's architecture
 * (Go's GOARCH, which nixpkgs' dockerTools also writes), Nix's system, and Debian's architecture
 * (debootstrap --arch).
 */
public enum Platform {
    LINUX_AMD64("linux/amd64", "amd64", "", "x86_64-linux", "amd64"),
    LINUX_ARM64("linux/arm64", "arm64", "", "aarch64-linux", "arm64"),
    LINUX_ARM_V7("linux/arm/v7", "arm", "v7", "armv7l-linux", "armhf"),
    LINUX_ARM_V6("linux/arm/v6", "arm", "v6", "armv6l-linux", "armel"),
    LINUX_386("linux/386", "386", "", "i686-linux", "i386"),
    LINUX_PPC64LE("linux/ppc64le", "ppc64le", "", "powerpc64le-linux", "ppc64el"),
    LINUX_S390X("linux/s390x", "s390x", "", "s390x-linux", "s390x"),
    LINUX_RISCV64("linux/riscv64", "riscv64", "", "riscv64-linux", "riscv64");

    private final String name;
    private final String architecture;
    private final String variant;
    private final String nixSystem;
    private final String debianArchitecture;

    Platform(
            String name,
            String architecture,
            String variant,
            String nixSystem,
            String debianArchitecture) {
        this.name = name;
        this.architecture = architecture;
        this.variant = variant;
        this.nixSystem = nixSystem;
        this.debianArchitecture = debianArchitecture;
    }

    /** "linux/arm64": what {@code platforms}, {@code --platform} and buildx take. */
    public String platformName() {
        return name;
    }

    /** The image config's architecture, Go's GOARCH: "arm64". */
    public String architecture() {
        return architecture;
    }

    /** The image config's variant ("v7"), empty when the architecture has none. */
    public String variant() {
        return variant;
    }

    /** Nix's system: "aarch64-linux". */
    public String nixSystem() {
        return nixSystem;
    }

    /** Debian's architecture, as {@code debootstrap --arch} takes it: "arm64". */
    public String debianArchitecture() {
        return debianArchitecture;
    }

    public static Optional<Platform> ofName(String name) {
        return Arrays.stream(values()).filter(p -> p.name.equals(name)).findFirst();
    }

    /** Every platform's name, in the order above. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Platform::platformName).toList();
    }
}
