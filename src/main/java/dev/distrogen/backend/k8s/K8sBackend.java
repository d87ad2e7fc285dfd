package dev.distrogen.backend.k8s;

import dev.distrogen.backend.Backend;
import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.backend.GenerationRequest;
import dev.distrogen.backend.escape.Yaml;
import dev.distrogen.plan.ExposedPort;
import dev.distrogen.plan.HealthProbe;
import dev.distrogen.plan.ImagePlan;
import dev.distrogen.plan.ResourceLimits;
import dev.distrogen.plan.RuntimeOptions;
import dev.distrogen.plan.VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --target k8s}: a Deployment (a StatefulSet when a dir is persistent), a Service, a
 * NetworkPolicy and, with more than one replica, a PodDisruptionBudget, hardened as the NSA/CISA
 * Kubernetes Hardening Guidance asks: non-root with the spec's numeric ids, a read-only root
 * filesystem with a size-limited emptyDir (or a PersistentVolumeClaim) on every directory the app
 * writes to, no privilege escalation, every capability dropped, the RuntimeDefault seccomp profile,
 * no service account token, resource requests and limits, ingress only to its ports.
 */
public final class K8sBackend implements Backend {

    static final String FILE_NAME = "k8s.yaml";

    @Override
    public String name() {
        return "k8s";
    }

    @Override
    public String description() {
        return "hardened Kubernetes manifests: workload, Service, NetworkPolicy, PodDisruptionBudget";
    }

    @Override
    public List<String> fileNames() {
        return List.of(FILE_NAME);
    }

    @Override
    public List<GeneratedFile> generate(GenerationRequest request) {
        ImagePlan plan = request.plan();
        String name = plan.names().workload();
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", name);
        plan.runtime()
                .versionLabel()
                .ifPresent(version -> labels.put("app.kubernetes.io/version", version));
        labels.put("app.kubernetes.io/managed-by", "distrogen");
        List<Object> documents = new ArrayList<>();
        documents.add(workload(plan, name, labels));
        if (plan.runtime().service()) {
            documents.add(service(plan, name, labels));
        }
        documents.add(networkPolicy(plan, name, labels));
        if (plan.runtime().disruptionBudget()) {
            documents.add(disruptionBudget(plan, name, labels));
        }
        String header = request.hashHeader() + "# kubectl apply -f " + FILE_NAME + "\n";
        return List.of(GeneratedFile.text(FILE_NAME, header + Yaml.documents(documents)));
    }

    private static Map<String, Object> metadata(
            ImagePlan plan, String name, Map<String, Object> labels) {
        Map<String, Object> metadata = Yaml.map("name", name);
        plan.runtime().namespace().ifPresent(ns -> metadata.put("namespace", ns));
        // Each use gets its own copy: a shared map would be written as a YAML anchor and alias.
        metadata.put("labels", new LinkedHashMap<>(labels));
        return metadata;
    }

    private static Map<String, Object> selector(String name) {
        return Yaml.map("matchLabels", Yaml.map("app.kubernetes.io/name", name));
    }

    private static Map<String, Object> workload(
            ImagePlan plan, String name, Map<String, Object> labels) {
        RuntimeOptions runtime = plan.runtime();
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", plan.names().container());
        container.put("image", plan.pinnedReference());
        container.put("imagePullPolicy", runtime.pullPolicy());
        if (!plan.config().exposedPorts().isEmpty()) {
            List<Object> ports = new ArrayList<>();
            for (ExposedPort port : plan.config().exposedPorts()) {
                ports.add(
                        Yaml.map(
                                "name",
                                port.name(),
                                "containerPort",
                                port.number(),
                                "protocol",
                                port.upperProtocol()));
            }
            container.put("ports", ports);
        }
        runtime.health()
                .ifPresent(
                        health ->
                                runtime.probes()
                                        .forEach(
                                                probe ->
                                                        container.put(
                                                                probe.role() + "Probe",
                                                                probe(
                                                                        health,
                                                                        probe.periodSeconds(),
                                                                        probe
                                                                                .failureThreshold()))));
        container.put("resources", resources(runtime.resources()));
        container.put("securityContext", containerSecurity(plan));
        List<Object> mounts = new ArrayList<>();
        List<Object> volumes = new ArrayList<>();
        List<Object> claims = new ArrayList<>();
        for (VolumeMount mount : plan.mounts()) {
            mounts.add(Yaml.map("name", mount.volume(), "mountPath", mount.path()));
            if (mount.persistent()) {
                String storage = mount.kubernetesSize().kubernetes();
                claims.add(
                        Yaml.map(
                                "metadata",
                                Yaml.map("name", mount.volume()),
                                "spec",
                                Yaml.map(
                                        "accessModes",
                                        List.of("ReadWriteOnce"),
                                        "resources",
                                        Yaml.map("requests", Yaml.map("storage", storage)))));
            } else {
                volumes.add(
                        Yaml.map(
                                "name",
                                mount.volume(),
                                "emptyDir",
                                Yaml.map("sizeLimit", mount.kubernetesSize().kubernetes())));
            }
        }
        if (!mounts.isEmpty()) {
            container.put("volumeMounts", mounts);
        }
        Map<String, Object> podSpec = new LinkedHashMap<>();
        podSpec.put("automountServiceAccountToken", false);
        podSpec.put("terminationGracePeriodSeconds", runtime.stopGraceSeconds());
        podSpec.put("securityContext", podSecurity(plan));
        if (!plan.platforms().isEmpty()) {
            podSpec.put("affinity", architectures(plan));
        }
        podSpec.put("containers", List.of(container));
        if (!volumes.isEmpty()) {
            podSpec.put("volumes", volumes);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        boolean stateful = runtime.workload() == RuntimeOptions.Workload.STATEFUL_SET;
        if (stateful) {
            spec.put("serviceName", name);
        }
        spec.put("replicas", runtime.replicas());
        spec.put("selector", selector(name));
        spec.put(
                "template",
                Yaml.map(
                        "metadata",
                        Yaml.map("labels", new LinkedHashMap<>(labels)),
                        "spec",
                        podSpec));
        if (stateful) {
            spec.put("volumeClaimTemplates", claims);
        }
        return Yaml.map(
                "apiVersion",
                "apps/v1",
                "kind",
                runtime.workload().kind(),
                "metadata",
                metadata(plan, name, labels),
                "spec",
                spec);
    }

    private static Map<String, Object> probe(
            HealthProbe health, int periodSeconds, int failureThreshold) {
        Map<String, Object> probe =
                health.kind() == HealthProbe.Kind.HTTP
                        ? Yaml.map(
                                "httpGet",
                                Yaml.map(
                                        "path", health.path().orElseThrow(), "port", health.port()))
                        : Yaml.map("tcpSocket", Yaml.map("port", health.port()));
        probe.put("periodSeconds", periodSeconds);
        probe.put("failureThreshold", failureThreshold);
        return probe;
    }

    private static Map<String, Object> resources(ResourceLimits resources) {
        return Yaml.map(
                "requests",
                Yaml.map("cpu", resources.cpuRequest(), "memory", resources.memoryRequest()),
                "limits",
                Yaml.map("cpu", resources.cpuLimit(), "memory", resources.memoryLimit()));
    }

    private static Map<String, Object> podSecurity(ImagePlan plan) {
        Map<String, Object> security = new LinkedHashMap<>();
        security.put("runAsNonRoot", plan.user().uid() != 0);
        security.put("runAsUser", plan.user().uid());
        security.put("runAsGroup", plan.user().gid());
        // emptyDir volumes are group-owned by fsGroup, so the app's group can write them.
        security.put("fsGroup", plan.user().gid());
        security.put("seccompProfile", Yaml.map("type", "RuntimeDefault"));
        return security;
    }

    private static Map<String, Object> containerSecurity(ImagePlan plan) {
        Map<String, Object> security = new LinkedHashMap<>();
        security.put("runAsNonRoot", plan.user().uid() != 0);
        security.put("runAsUser", plan.user().uid());
        security.put("runAsGroup", plan.user().gid());
        security.put("readOnlyRootFilesystem", true);
        security.put("allowPrivilegeEscalation", false);
        security.put("privileged", false);
        security.put("capabilities", Yaml.map("drop", List.of("ALL")));
        security.put("seccompProfile", Yaml.map("type", "RuntimeDefault"));
        return security;
    }

    private static Map<String, Object> service(
            ImagePlan plan, String name, Map<String, Object> labels) {
        List<Object> ports = new ArrayList<>();
        for (ExposedPort port : plan.config().exposedPorts()) {
            ports.add(
                    Yaml.map(
                            "name",
                            port.name(),
                            "port",
                            port.number(),
                            "targetPort",
                            port.name(),
                            "protocol",
                            port.upperProtocol()));
        }
        return Yaml.map(
                "apiVersion",
                "v1",
                "kind",
                "Service",
                "metadata",
                metadata(plan, name, labels),
                "spec",
                Yaml.map("selector", Yaml.map("app.kubernetes.io/name", name), "ports", ports));
    }

    /** Ingress to the declared ports only, from anywhere; no port declared: no ingress at all. */
    private static Map<String, Object> networkPolicy(
            ImagePlan plan, String name, Map<String, Object> labels) {
        List<Object> ports = new ArrayList<>();
        for (ExposedPort port : plan.config().exposedPorts()) {
            ports.add(Yaml.map("protocol", port.upperProtocol(), "port", port.number()));
        }
        List<Object> ingress = ports.isEmpty() ? List.of() : List.of(Yaml.map("ports", ports));
        return Yaml.map(
                "apiVersion",
                "networking.k8s.io/v1",
                "kind",
                "NetworkPolicy",
                "metadata",
                metadata(plan, name, labels),
                "spec",
                Yaml.map(
                        "podSelector",
                        selector(name),
                        "policyTypes",
                        List.of("Ingress"),
                        "ingress",
                        ingress));
    }

    /** With replicas, a voluntary disruption (a node drain) takes down one pod at a time. */
    private static Map<String, Object> disruptionBudget(
            ImagePlan plan, String name, Map<String, Object> labels) {
        return Yaml.map(
                "apiVersion",
                "policy/v1",
                "kind",
                "PodDisruptionBudget",
                "metadata",
                metadata(plan, name, labels),
                "spec",
                Yaml.map("maxUnavailable", 1, "selector", selector(name)));
    }

    /**
     * With {@code platforms}: schedule only on nodes of an architecture the image has, where it
     * would otherwise fail to start ("exec format error") on a mixed cluster.
     */
    private static Map<String, Object> architectures(ImagePlan plan) {
        List<String> architectures =
                plan.platforms().stream().map(p -> p.architecture()).distinct().toList();
        return Yaml.map(
                "nodeAffinity",
                Yaml.map(
                        "requiredDuringSchedulingIgnoredDuringExecution",
                        Yaml.map(
                                "nodeSelectorTerms",
                                List.of(
                                        Yaml.map(
                                                "matchExpressions",
                                                List.of(
                                                        Yaml.map(
                                                                "key",
                                                                "kubernetes.io/arch",
                                                                "operator",
                                                                "In",
                                                                "values",
                                                                architectures)))))));
    }
}
