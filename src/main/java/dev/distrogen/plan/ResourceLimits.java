package dev.distrogen.plan;

import java.util.Objects;

/**
 * What the app asks of a node and may use at most, as Kubernetes quantities. Defaults (docs/language.md):
 * requests {@value #DEFAULT_CPU} CPU and {@value #DEFAULT_MEMORY} memory; the memory limit is the
 * memory request (a container over it is killed, not the node), the CPU limit
 * {@value #DEFAULT_CPU_LIMIT} core or the request if that is more.
 */
public record ResourceLimits(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {

    public static final String DEFAULT_CPU = "100m";
    public static final String DEFAULT_MEMORY = "128Mi";
    public static final String DEFAULT_CPU_LIMIT = "1";

    public ResourceLimits {
        Objects.requireNonNull(cpuRequest, "cpuRequest");
        Objects.requireNonNull(memoryRequest, "memoryRequest");
        Objects.requireNonNull(cpuLimit, "cpuLimit");
        Objects.requireNonNull(memoryLimit, "memoryLimit");
    }
}
