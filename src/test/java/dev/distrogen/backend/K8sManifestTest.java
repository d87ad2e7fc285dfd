package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Generated;
import dev.distrogen.Golden;
import dev.distrogen.WritableReference;
import dev.distrogen.model.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The k8s target, parsed back with SnakeYAML: the hardening the NSA/CISA Kubernetes Hardening
 * Guidance asks for, the spec's ids, ports and writable directories, every string as written. Each
 * expected value comes from the spec as written (or the tests' own writable-dir reference), never
 * from the plan the manifest was made from.
 */
class K8sManifestTest {

    @TestFactory
    Stream<DynamicTest> everySpec_givesAHardenedDeploymentAndItsService() throws Exception {
        return Golden.operatorSpecs().stream()
                .map(
                        spec ->
                                DynamicTest.dynamicTest(
                                        spec.getFileName().toString(),
                                        () -> assertManifests(spec)));
    }

    @SuppressWarnings("unchecked")
    private static void assertManifests(Path spec) throws Exception {
        Generated generated = Generated.of(spec);
        Spec model = generated.spec();
        String yaml = generated.text("k8s");
        assertFalse(yaml.contains("&id") || yaml.contains("*id"), "no anchors or aliases");
        List<Object> documents = generated.yaml("k8s");
        long uid = Long.parseLong(model.user().orElseThrow().uid().orElseThrow().value());
        long gid = Long.parseLong(model.user().orElseThrow().gid().orElseThrow().value());
        Map<String, Object> deployment = (Map<String, Object>) documents.get(0);
        java.util.Set<String> persistent = WritableReference.persistent(model);
        assertEquals(persistent.isEmpty() ? "Deployment" : "StatefulSet", deployment.get("kind"));
        Map<String, Object> pod = at(deployment, "spec", "template", "spec");
        assertEquals(false, pod.get("automountServiceAccountToken"));
        Map<String, Object> podSecurity = at(pod, "securityContext");
        assertEquals(true, podSecurity.get("runAsNonRoot"));
        assertEquals(uid, ((Number) podSecurity.get("runAsUser")).longValue());
        assertEquals(gid, ((Number) podSecurity.get("runAsGroup")).longValue());
        assertEquals("RuntimeDefault", at(podSecurity, "seccompProfile").get("type"));
        List<String> architectures =
                model.platforms().stream()
                        .map(p -> dev.distrogen.model.Platform.ofName(p.value()).orElseThrow())
                        .map(dev.distrogen.model.Platform::architecture)
                        .distinct()
                        .toList();
        assertEquals(
                architectures.isEmpty()
                        ? null
                        : Map.of(
                                "nodeAffinity",
                                Map.of(
                                        "requiredDuringSchedulingIgnoredDuringExecution",
                                        Map.of(
                                                "nodeSelectorTerms",
                                                List.of(
                                                        Map.of(
                                                                "matchExpressions",
                                                                List.of(
                                                                        Map.of(
                                                                                "key",
                                                                                "kubernetes.io/arch",
                                                                                "operator",
                                                                                "In",
                                                                                "values",
                                                                                architectures))))))),
                pod.get("affinity"),
                "pods go only to nodes of the image's architectures");

        List<Map<String, Object>> containers = (List<Map<String, Object>>) pod.get("containers");
        assertEquals(1, containers.size());
        Map<String, Object> container = containers.get(0);
        String name =
                model.image()
                        .map(i -> i.name().value())
                        .orElse(model.app().orElseThrow().name().value());
        Optional<String> tag = model.image().flatMap(i -> i.tag()).map(t -> t.value());
        assertEquals(
                name
                        + ":"
                        + tag.orElse("latest")
                        + model.image()
                                .flatMap(i -> i.digest())
                                .map(d -> "@" + d.value())
                                .orElse(""),
                container.get("image"));
        assertEquals(
                model.k8s().pullPolicy().map(p -> p.value()).orElse("IfNotPresent"),
                container.get("imagePullPolicy"));
        String signal =
                model.app()
                        .orElseThrow()
                        .stopSignal()
                        .map(s -> s.value().toUpperCase(java.util.Locale.ROOT))
                        .map(s -> s.startsWith("SIG") ? s : "SIG" + s)
                        .orElse("SIGTERM");
        assertEquals(
                Set.of("SIGQUIT", "SIGWINCH").contains(signal) ? 60 : 30,
                pod.get("terminationGracePeriodSeconds"),
                "a draining stop signal gets more time");
        // Requests and limits always, which Trivy's KSV011/015/016/018 ask for.
        Map<String, Object> resources = at(container, "resources");
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertTrue(
                        dev.distrogen.model.Quantity.value(
                                        (String) at(resources, kind).get(resource))
                                .isPresent(),
                        kind + " " + resource);
            }
        }
        assertFalse(
                dev.distrogen.model.Quantity.less(
                        (String) at(resources, "limits").get("memory"),
                        (String) at(resources, "requests").get("memory")),
                "the memory limit is at least the request");
        Map<String, Object> security = at(container, "securityContext");
        assertEquals(true, security.get("runAsNonRoot"));
        assertEquals(uid, ((Number) security.get("runAsUser")).longValue());
        assertEquals(true, security.get("readOnlyRootFilesystem"));
        assertEquals(false, security.get("allowPrivilegeEscalation"));
        assertEquals(false, security.get("privileged"));
        assertEquals(List.of("ALL"), at(security, "capabilities").get("drop"));
        assertEquals("RuntimeDefault", at(security, "seccompProfile").get("type"));

        // Every directory the app writes to is an emptyDir: the root filesystem is read-only.
        Map<String, String> volumeOfMount = new HashMap<>();
        for (Map<String, Object> mount :
                (List<Map<String, Object>>) container.getOrDefault("volumeMounts", List.of())) {
            volumeOfMount.put((String) mount.get("mountPath"), (String) mount.get("name"));
        }
        Map<String, Object> volumes = new HashMap<>();
        for (Map<String, Object> volume :
                (List<Map<String, Object>>) pod.getOrDefault("volumes", List.of())) {
            volumes.put((String) volume.get("name"), volume);
        }
        List<String> writable = List.copyOf(WritableReference.tmpfsOptions(model).keySet());
        assertTrue(writable.contains("/tmp"), "/tmp is writable by everyone");
        assertEquals(
                writable.stream().sorted().toList(),
                volumeOfMount.keySet().stream().sorted().toList());
        List<String> claims = new ArrayList<>();
        Map<String, Object> storage = new HashMap<>();
        for (Map<String, Object> claim :
                (List<Map<String, Object>>)
                        at(deployment, "spec").getOrDefault("volumeClaimTemplates", List.of())) {
            claims.add((String) at(claim, "metadata").get("name"));
            assertEquals(List.of("ReadWriteOnce"), at(claim, "spec").get("accessModes"));
            storage.put(
                    (String) at(claim, "metadata").get("name"),
                    at(claim, "spec", "resources", "requests").get("storage"));
        }
        // The spec's size where it gives one; else a claim of 1Gi, an emptyDir of at most 256Mi.
        Map<String, String> sizes = WritableReference.sizes(model);
        for (String dir : writable) {
            if (persistent.contains(dir)) {
                assertTrue(
                        claims.contains(volumeOfMount.get(dir)),
                        "a persistent dir gets a PersistentVolumeClaim: " + dir);
                assertFalse(volumes.containsKey(volumeOfMount.get(dir)), dir);
                assertEquals(
                        sizes.getOrDefault(dir, "1Gi"), storage.get(volumeOfMount.get(dir)), dir);
                continue;
            }
            Map<String, Object> volume = (Map<String, Object>) volumes.get(volumeOfMount.get(dir));
            assertTrue(volume.containsKey("emptyDir"), dir);
            assertEquals(
                    sizes.getOrDefault(dir, "256Mi"),
                    at(volume, "emptyDir").get("sizeLimit"),
                    "every emptyDir has a sizeLimit: " + dir);
        }
        assertEquals(persistent.size(), claims.size());
        String user = model.user().orElseThrow().name().value();
        for (var dir : model.dirs()) {
            if (dir.owner().filter(o -> o.value().equals(user)).isPresent()) {
                assertTrue(
                        volumeOfMount.containsKey(dir.path().value()),
                        "the user's own dir " + dir.path().value() + " is mounted");
            }
        }

        List<String> ports = new ArrayList<>();
        for (Map<String, Object> port :
                (List<Map<String, Object>>) container.getOrDefault("ports", List.of())) {
            ports.add(
                    port.get("containerPort")
                            + "/"
                            + ((String) port.get("protocol")).toLowerCase(java.util.Locale.ROOT));
        }
        assertEquals(
                model.ports().stream()
                        .map(p -> Integer.parseInt(p.number().value()) + "/" + p.protocolName())
                        .toList(),
                ports);
        if (!ports.isEmpty()) {
            Map<String, Object> service = (Map<String, Object>) documents.get(1);
            assertEquals("Service", service.get("kind"));
            assertEquals(
                    at(deployment, "spec", "selector", "matchLabels"),
                    at(service, "spec", "selector"));
            assertEquals(ports.size(), ((List<?>) at(service, "spec").get("ports")).size());
        }
        assertProbes(container, model, ports);

        // Ingress only to the declared ports.
        Map<String, Object> policy = (Map<String, Object>) documents.get(ports.isEmpty() ? 1 : 2);
        assertEquals("NetworkPolicy", policy.get("kind"));
        assertEquals(at(deployment, "spec", "selector"), at(policy, "spec", "podSelector"));
        assertEquals(List.of("Ingress"), at(policy, "spec").get("policyTypes"));
        List<String> admitted = new ArrayList<>();
        for (Map<String, Object> rule :
                (List<Map<String, Object>>) at(policy, "spec").get("ingress")) {
            assertFalse(rule.containsKey("from") && rule.get("from") == null);
            for (Map<String, Object> port : (List<Map<String, Object>>) rule.get("ports")) {
                admitted.add(
                        port.get("port")
                                + "/"
                                + ((String) port.get("protocol"))
                                        .toLowerCase(java.util.Locale.ROOT));
            }
        }
        assertEquals(ports, admitted);
        int replicas = model.k8s().replicas().map(r -> Integer.parseInt(r.value())).orElse(1);
        assertEquals(replicas, at(deployment, "spec").get("replicas"));
        boolean budget =
                documents.stream()
                        .anyMatch(
                                d ->
                                        "PodDisruptionBudget"
                                                .equals(((Map<String, Object>) d).get("kind")));
        assertEquals(
                replicas > 1,
                budget,
                "a PodDisruptionBudget exactly when there is more than one replica");
        // The spec's tag, a string; an image without one names no version.
        assertEquals(
                tag.orElse(null),
                at(deployment, "metadata", "labels").get("app.kubernetes.io/version"));
    }

    /**
     * The spec's health check, or a TCP check on the first tcp port, in all three probes; `health
     * none`: none.
     */
    private static void assertProbes(
            Map<String, Object> container, Spec model, List<String> ports) {
        Optional<String> firstTcp = ports.stream().filter(p -> p.endsWith("/tcp")).findFirst();
        boolean none =
                model.health()
                        .map(h -> h.kind() == dev.distrogen.model.HealthDecl.Kind.NONE)
                        .orElse(false);
        boolean probed = !none && (model.health().isPresent() || firstTcp.isPresent());
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals(probed, container.containsKey(probe), probe);
            if (!probed) {
                continue;
            }
            Map<String, Object> p = at(container, probe);
            if (model.health().isEmpty()) {
                assertEquals(
                        Integer.parseInt(firstTcp.orElseThrow().replace("/tcp", "")),
                        at(p, "tcpSocket").get("port"));
            } else if (model.health().get().kind() == dev.distrogen.model.HealthDecl.Kind.HTTP) {
                assertEquals(
                        model.health().get().path().orElseThrow().value(),
                        at(p, "httpGet").get("path"));
                assertEquals(
                        Integer.parseInt(model.health().get().port().orElseThrow().value()),
                        at(p, "httpGet").get("port"));
            } else {
                assertEquals(
                        Integer.parseInt(model.health().get().port().orElseThrow().value()),
                        at(p, "tcpSocket").get("port"));
            }
        }
        assertTrue(
                !probed
                        || (Integer) at(container, "startupProbe").get("failureThreshold")
                                        * (Integer)
                                                at(container, "startupProbe").get("periodSeconds")
                                >= 120,
                "a generous startup budget");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> map, String... keys) {
        Map<String, Object> current = map;
        for (String key : keys) {
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }
}
