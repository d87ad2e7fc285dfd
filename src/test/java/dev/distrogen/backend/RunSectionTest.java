package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Generated;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the image runs is decided once (the plan's run section) and every target says the same,
 * against values written out here from the spec: the persistent volume's name in docker run and
 * Compose (once WORKLOAD-volume and volume, which never shared data), the version label (once
 * "latest" in Kubernetes and none in the image), Compose's resource limits (once none).
 */
class RunSectionTest {

    static final String SPEC =
            "image \"shop/web\"\napp \"web\" { binary \"/usr/sbin/web\" }\n"
                    + "user \"web\" uid 10001 gid 10001\nport 8080\nhealth http \"/healthz\" port 8080\n"
                    + "dir \"/var/lib/web\" owner \"web\" mode 0700 persistent\n"
                    + "resources { cpu \"250m\" memory \"64Mi\" limit cpu \"500m\" limit memory \"256Mi\" }\nk8s { replicas 2 }\n"
                    + "docker { from \"debian:12\" }\n";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String... keys) {
        Object value = o;
        for (String key : keys) {
            value = ((Map<String, Object>) value).get(key);
        }
        return (Map<String, Object>) value;
    }

    @Test
    @SuppressWarnings("unchecked")
    void dockerRun_andCompose_nameThePersistentVolumeAlike() {
        Generated out = Generated.of(SPEC);
        assertTrue(
                out.text("docs").contains("\n  -v web-var-lib-web:/var/lib/web \\\n"),
                out.text("docs"));
        Map<String, Object> compose = (Map<String, Object>) out.yaml("compose").get(0);
        assertEquals(
                Map.of("var-lib-web", Map.of("name", "web-var-lib-web")), compose.get("volumes"));
        Map<String, Object> service = map(compose, "services", "web");
        assertEquals(
                List.of(
                        Map.of(
                                "type",
                                "volume",
                                "source",
                                "var-lib-web",
                                "target",
                                "/var/lib/web")),
                service.get("volumes"));
        String workflowSmoke = out.text("all", ".github/workflows/image.yml");
        assertTrue(workflowSmoke.contains("-v web-var-lib-web:/var/lib/web"), workflowSmoke);
    }

    @Test
    void kubernetesAndDocs_describeTheSameWorkload() {
        Generated out = Generated.of(SPEC);
        List<Object> documents = out.yaml("k8s");
        assertEquals(
                List.of("StatefulSet", "Service", "NetworkPolicy", "PodDisruptionBudget"),
                documents.stream().map(d -> ((Map<?, ?>) d).get("kind")).toList());
        Map<String, Object> container =
                map(
                        ((List<?>)
                                        map(documents.get(0), "spec", "template", "spec")
                                                .get("containers"))
                                .get(0));
        assertEquals(
                Map.of(
                        "httpGet",
                        Map.of("path", "/healthz", "port", 8080),
                        "periodSeconds",
                        10,
                        "failureThreshold",
                        3),
                container.get("readinessProbe"));
        assertEquals(
                Map.of(
                        "requests",
                        Map.of("cpu", "250m", "memory", "64Mi"),
                        "limits",
                        Map.of("cpu", "500m", "memory", "256Mi")),
                container.get("resources"));
        String docs = out.text("docs");
        assertTrue(
                docs.contains(
                        "a StatefulSet (a PersistentVolumeClaim of 1Gi for each persistent dir), a Service, "
                                + "a NetworkPolicy that admits ingress only to its ports, a PodDisruptionBudget (one of its 2 replicas down at a time). "
                                + "Startup (every 5 s, up to 60 times), readiness (every 10 s) and liveness (every 20 s) probes make an HTTP GET "
                                + "of `/healthz` on port 8080."),
                docs);
        assertTrue(
                out.text("compose")
                        .contains(
                                "The k8s target probes it from outside: an HTTP GET of /healthz on port 8080."));
    }

    @Test
    void withoutATag_noVersionLabel_inTheImageOrInKubernetes() {
        Generated untagged = Generated.of(SPEC);
        assertFalse(
                untagged.json("json")
                        .get("config")
                        .get("Labels")
                        .has("org.opencontainers.image.version"));
        assertFalse(
                untagged.text("k8s").contains("app.kubernetes.io/version"), untagged.text("k8s"));
        Generated tagged =
                Generated.of(SPEC.replace("image \"shop/web\"", "image \"shop/web\" tag \"2.0\""));
        assertEquals(
                "2.0",
                tagged.json("json")
                        .get("config")
                        .get("Labels")
                        .get("org.opencontainers.image.version")
                        .asText());
        assertTrue(
                tagged.text("k8s").contains("\n    app.kubernetes.io/version: '2.0'\n")
                        || tagged.text("k8s")
                                .contains("\n    app.kubernetes.io/version: \"2.0\"\n"),
                tagged.text("k8s"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void compose_appliesTheResourceLimits() {
        Map<String, Object> service =
                map(Generated.of(SPEC).yaml("compose").get(0), "services", "web");
        assertEquals(
                Map.of("resources", Map.of("limits", Map.of("cpus", "0.5", "memory", "256m"))),
                service.get("deploy"));
        Map<String, Object> defaults =
                map(
                        Generated.of("app \"web\" { binary \"/w\" }\nuser \"web\" uid 1 gid 1\n")
                                .yaml("compose")
                                .get(0),
                        "services",
                        "web");
        // The defaults: a limit of one CPU, and the memory request of 128Mi.
        assertEquals(
                Map.of("resources", Map.of("limits", Map.of("cpus", "1", "memory", "128m"))),
                defaults.get("deploy"));
    }
}
