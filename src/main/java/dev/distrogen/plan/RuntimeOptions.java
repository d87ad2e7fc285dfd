package dev.distrogen.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * How the image is run by an orchestrator, with defaults applied: its health probe, resources,
 * how long it gets to stop, and the Kubernetes workload's settings.
 *
 * @param stopGraceSeconds the time between the stop signal and SIGKILL: longer for a signal that
 *     asks for a graceful drain (SIGQUIT, SIGWINCH), which waits for open connections
 * @param namespace the Kubernetes namespace, when the spec names one
 */
public record RuntimeOptions(
        Optional<HealthProbe> health,
        ResourceLimits resources,
        int stopGraceSeconds,
        int replicas,
        Optional<String> namespace,
        String pullPolicy) {

    public static final int DEFAULT_GRACE_SECONDS = 30;
    public static final int DRAIN_GRACE_SECONDS = 60;
    public static final String DEFAULT_PULL_POLICY = "IfNotPresent";

    public RuntimeOptions {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(pullPolicy, "pullPolicy");
    }
}
