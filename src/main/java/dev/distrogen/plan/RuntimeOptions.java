package dev.distrogen.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan's run section: how the image is run, decided once with defaults applied, so that the
 * k8s, compose and docs targets (and the workflow's smoke test) say the same: the kind of workload,
 * which objects go with it, its probes, resources, how long it gets to stop, its version label. The
 * volumes are the plan's {@link ImagePlan#mounts()}.
 *
 * @param workload a Deployment, or a StatefulSet when a dir is persistent (a claim per replica)
 * @param service whether a Service fronts it: when it has ports
 * @param disruptionBudget whether a PodDisruptionBudget keeps a drain to one pod at a time: with
 *     more than one replica
 * @param probes how often each probe makes the health check, in order; none without one
 * @param stopGraceSeconds the time between the stop signal and SIGKILL: longer for a signal that
 *     asks for a graceful drain (SIGQUIT, SIGWINCH), which waits for open connections
 * @param namespace the Kubernetes namespace, when the spec names one
 * @param versionLabel the image's version as a label value, in the OCI config's {@code
 *     org.opencontainers.image.version} and Kubernetes' {@code app.kubernetes.io/version} alike:
 *     the spec's tag, when it writes one ({@link #labelValue})
 */
public record RuntimeOptions(
        Workload workload,
        boolean service,
        boolean disruptionBudget,
        Optional<HealthProbe> health,
        List<Probe> probes,
        ResourceLimits resources,
        int stopGraceSeconds,
        int replicas,
        Optional<String> namespace,
        String pullPolicy,
        Optional<String> versionLabel) {

    public static final int DEFAULT_GRACE_SECONDS = 30;
    public static final int DRAIN_GRACE_SECONDS = 60;
    public static final String DEFAULT_PULL_POLICY = "IfNotPresent";

    /** The Kubernetes workload that runs the pods. */
    public enum Workload {
        DEPLOYMENT("Deployment"),
        STATEFUL_SET("StatefulSet");

        private final String kind;

        Workload(String kind) {
            this.kind = kind;
        }

        /** As Kubernetes names the kind: "StatefulSet". */
        public String kind() {
            return kind;
        }
    }

    /**
     * One probe of the health check: startup (up to 5 minutes to come up), then readiness every 10
     * s and liveness every 20 s.
     *
     * @param role "startup", "readiness" or "liveness": the probe's field is ROLE + "Probe"
     */
    public record Probe(String role, int periodSeconds, int failureThreshold) {

        public static final List<Probe> DEFAULTS =
                List.of(
                        new Probe("startup", 5, 60),
                        new Probe("readiness", 10, 3),
                        new Probe("liveness", 20, 3));

        public Probe {
            Objects.requireNonNull(role, "role");
        }
    }

    public RuntimeOptions {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(health, "health");
        probes = List.copyOf(probes);
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(pullPolicy, "pullPolicy");
        Objects.requireNonNull(versionLabel, "versionLabel");
    }

    /**
     * A tag as a label value: at most 63 of [A-Za-z0-9._-], starting and ending alphanumeric.
     * Registries accept tags that are not ("1.0-", "_x", 128 characters): those are trimmed to fit,
     * or left out when nothing is left. The image reference keeps the tag exactly.
     */
    public static Optional<String> labelValue(String tag) {
        String value = tag.replaceAll("[^A-Za-z0-9._-]", "");
        value = value.length() > 63 ? value.substring(0, 63) : value;
        value = value.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
