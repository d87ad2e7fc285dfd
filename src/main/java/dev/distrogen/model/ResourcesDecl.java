package dev.distrogen.model;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code resources { cpu "250m" memory "128Mi" limit cpu "1" limit memory "256Mi" }}: Kubernetes
 * quantities as written, checked by the checks.
 */
public record ResourcesDecl(
        Optional<Located<String>> cpu,
        Optional<Located<String>> memory,
        Optional<Located<String>> cpuLimit,
        Optional<Located<String>> memoryLimit,
        SourceLocation at) {

    public static final ResourcesDecl NONE =
            new ResourcesDecl(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    SourceLocation.NONE);

    public ResourcesDecl {
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(cpuLimit, "cpuLimit");
        Objects.requireNonNull(memoryLimit, "memoryLimit");
        Objects.requireNonNull(at, "at");
    }
}
