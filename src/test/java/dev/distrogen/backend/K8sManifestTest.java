package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.Golden;
import dev.distrogen.WritableReference;
import dev.distrogen.model.Spec;
import dev.distrogen.backend.k8s.K8sBackend;
import dev.distrogen.plan.ImagePlan;
import dev.distrogen.plan.PlanEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * The k8s target, parsed back with SnakeYAML: the hardening the NSA/CISA Kubernetes Hardening
 * Guidance asks for, the spec's ids, ports and writable directories, every string as written.
 */
class K8sManifestTest {

    @TestFactory
    Stream<DynamicTest> everySpec_givesAHardenedDeploymentAndItsService() throws Exception {
        return Golden.allSpecs().stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> assertManifests(spec)));
    }

    @SuppressWarnings("unchecked")
    private static void assertManifests(Path spec) throws Exception {
        Compiler.Compilation compiled = Compiler.compile(spec, spec.getFileName().toString());
        ImagePlan plan = compiled.plan().orElseThrow();
        Spec model = compiled.spec().orElseThrow();
        String yaml = new K8sBackend().generate(new GenerationRequest(plan, "spec.dl", false)).get(0).text();
        assertFalse(yaml.contains("&id") || yaml.contains("*id"), "no anchors or aliases");
        List<Object> documents = new ArrayList<>();
        new Yaml().loadAll(yaml).forEach(documents::add);
        Map<String, Object> deployment = (Map<String, Object>) documents.get(0);
        assertEquals("Deployment", deployment.get("kind"));
        Map<String, Object> pod = at(deployment, "spec", "template", "spec");
        assertEquals(false, pod.get("automountServiceAccountToken"));
        Map<String, Object> podSecurity = at(pod, "securityContext");
        assertEquals(true, podSecurity.get("runAsNonRoot"));
        assertEquals(plan.user().uid(), ((Number) podSecurity.get("runAsUser")).longValue());
        assertEquals(plan.user().gid(), ((Number) podSecurity.get("runAsGroup")).longValue());
        assertEquals("RuntimeDefault", at(podSecurity, "seccompProfile").get("type"));

        List<Map<String, Object>> containers = (List<Map<String, Object>>) pod.get("containers");
        assertEquals(1, containers.size());
        Map<String, Object> container = containers.get(0);
        assertEquals(plan.reference(), container.get("image"));
        Map<String, Object> security = at(container, "securityContext");
        assertEquals(true, security.get("runAsNonRoot"));
        assertEquals(plan.user().uid(), ((Number) security.get("runAsUser")).longValue());
        assertEquals(true, security.get("readOnlyRootFilesystem"));
        assertEquals(false, security.get("allowPrivilegeEscalation"));
        assertEquals(false, security.get("privileged"));
        assertEquals(List.of("ALL"), at(security, "capabilities").get("drop"));
        assertEquals("RuntimeDefault", at(security, "seccompProfile").get("type"));

        // Every directory the app writes to is an emptyDir: the root filesystem is read-only.
        Map<String, String> volumeOfMount = new HashMap<>();
        for (Map<String, Object> mount : (List<Map<String, Object>>) container.getOrDefault("volumeMounts", List.of())) {
            volumeOfMount.put((String) mount.get("mountPath"), (String) mount.get("name"));
        }
        Map<String, Object> volumes = new HashMap<>();
        for (Map<String, Object> volume : (List<Map<String, Object>>) pod.getOrDefault("volumes", List.of())) {
            volumes.put((String) volume.get("name"), volume);
        }
        List<String> writable = List.copyOf(WritableReference.tmpfsOptions(model).keySet());
        assertTrue(writable.contains("/tmp"), "/tmp is writable by everyone");
        assertEquals(writable.stream().sorted().toList(), volumeOfMount.keySet().stream().sorted().toList());
        for (String dir : writable) {
            Map<String, Object> volume = (Map<String, Object>) volumes.get(volumeOfMount.get(dir));
            assertTrue(volume.containsKey("emptyDir"), dir);
        }
        for (PlanEntry dir : plan.directories()) {
            if (dir.origin() == PlanEntry.Origin.DIR && dir.uid() == plan.user().uid()) {
                assertTrue(volumeOfMount.containsKey(dir.path().value()), "the user's own dir " + dir.path() + " is mounted");
            }
        }

        List<String> ports = new ArrayList<>();
        for (Map<String, Object> port : (List<Map<String, Object>>) container.getOrDefault("ports", List.of())) {
            ports.add(port.get("containerPort") + "/" + ((String) port.get("protocol")).toLowerCase(java.util.Locale.ROOT));
        }
        assertEquals(model.ports().stream().map(p -> Integer.parseInt(p.number().value()) + "/" + p.protocolName()).toList(), ports);
        if (!ports.isEmpty()) {
            Map<String, Object> service = (Map<String, Object>) documents.get(1);
            assertEquals("Service", service.get("kind"));
            assertEquals(at(deployment, "spec", "selector", "matchLabels"), at(service, "spec", "selector"));
            assertEquals(ports.size(), ((List<?>) at(service, "spec").get("ports")).size());
        }
        assertEquals(plan.tag(), at(deployment, "metadata", "labels").get("app.kubernetes.io/version"), "a tag stays a string");
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
