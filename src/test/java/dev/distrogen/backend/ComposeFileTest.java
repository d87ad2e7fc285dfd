package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.Generated;
import dev.distrogen.Golden;
import dev.distrogen.WritableReference;
import dev.distrogen.model.Spec;
import dev.distrogen.plan.ImagePlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The compose target, parsed back with SnakeYAML: the image as the plan means it, compared with the
 * spec as written (the tests' own writable-dir reference), not with the plan's own lists.
 */
class ComposeFileTest {

    @TestFactory
    Stream<DynamicTest> everySpec_runsReadOnly_withATmpfsPerDir_andNoCapabilities() {
        return Golden.operatorSpecs().stream()
                .map(
                        spec ->
                                DynamicTest.dynamicTest(
                                        spec.getFileName().toString(), () -> assertCompose(spec)));
    }

    @SuppressWarnings("unchecked")
    private static void assertCompose(Path specFile) throws Exception {
        Generated generated = Generated.of(specFile);
        Spec spec = generated.spec();
        String text = generated.text("compose");
        assertTrue(!text.replace("$$", "").contains("$"), "no $ that Compose would interpolate");
        assertTrue(
                text.contains("cannot run a HEALTHCHECK")
                        || text.contains("no shell or tool to run one"),
                "the note on HEALTHCHECK");
        Map<String, Object> compose = (Map<String, Object>) generated.yaml("compose").get(0);
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertEquals(1, services.size());
        Map<String, Object> service = (Map<String, Object>) services.values().iterator().next();

        String image = (String) service.get("image");
        String name =
                spec.image()
                        .map(i -> i.name().value())
                        .orElse(spec.app().orElseThrow().name().value());
        String tag = spec.image().flatMap(i -> i.tag()).map(t -> t.value()).orElse("latest");
        String digest = spec.image().flatMap(i -> i.digest()).map(d -> "@" + d.value()).orElse("");
        assertEquals(name + ":" + tag + digest, image);
        var user = spec.user().orElseThrow();
        assertEquals(
                user.uid().orElseThrow().value() + ":" + user.gid().orElseThrow().value(),
                service.get("user"));
        assertEquals(true, service.get("read_only"));
        assertEquals(List.of("ALL"), service.get("cap_drop"));
        assertEquals(List.of("no-new-privileges:true"), service.get("security_opt"));

        Map<String, String> writable = WritableReference.tmpfsOptions(spec);
        Set<String> persistent = WritableReference.persistent(spec);
        Map<String, String> tmpfs = new TreeMap<>();
        for (Object entry : (List<Object>) service.getOrDefault("tmpfs", List.of())) {
            String s = ((String) entry).replace("$$", "$"); // Compose's literal dollar
            int colon = s.lastIndexOf(":uid=");
            tmpfs.put(s.substring(0, colon), s.substring(colon + 1));
        }
        Map<String, String> expected = new TreeMap<>(writable);
        expected.keySet().removeAll(persistent);
        assertEquals(
                expected,
                tmpfs,
                "a tmpfs with the dir's uid, gid and mode on each writable dir that is not persistent");

        List<String> mounted = new ArrayList<>();
        Map<String, Object> volumes =
                (Map<String, Object>) compose.getOrDefault("volumes", Map.of());
        for (Map<String, Object> volume :
                (List<Map<String, Object>>) service.getOrDefault("volumes", List.of())) {
            assertEquals("volume", volume.get("type"));
            assertTrue(
                    volumes.containsKey((String) volume.get("source")),
                    "a named volume, declared: " + volume);
            mounted.add(((String) volume.get("target")).replace("$$", "$"));
        }
        assertEquals(
                new ArrayList<>(persistent),
                mounted.stream().sorted().toList(),
                "a named volume on each persistent dir");
        assertEquals(persistent.size(), volumes.size());

        List<String> ports =
                spec.ports().stream()
                        .map(
                                p ->
                                        Integer.parseInt(p.number().value())
                                                + ":"
                                                + Integer.parseInt(p.number().value())
                                                + "/"
                                                + p.protocolName().toLowerCase(Locale.ROOT))
                        .toList();
        assertEquals(ports, service.getOrDefault("ports", List.of()));
        String signal = spec.app().orElseThrow().stopSignal().map(s -> s.value()).orElse("SIGTERM");
        assertEquals(
                signal.startsWith("SIG") ? signal : "SIG" + signal, service.get("stop_signal"));
        assertTrue(((String) service.get("stop_grace_period")).matches("[0-9]+s"));
    }

    /** The spec's digest is in every place the image is named to run; builds tag NAME:TAG. */
    @org.junit.jupiter.api.Test
    void aDigest_isNamedWhereverTheImageRuns() throws Exception {
        Path spec = Golden.root().resolve("src/test/resources/ops/shipped.dl");
        ImagePlan plan =
                Compiler.compile(
                                spec, "shipped.dl", dev.distrogen.model.Overrides.from("debian:12"))
                        .plan()
                        .orElseThrow();
        String pinned =
                "ghcr.io/acme/web:2.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        GenerationRequest request = new GenerationRequest(plan, "shipped.dl", false);
        for (String target : List.of("dockerfile", "docs", "k8s", "compose")) {
            String text = Backends.byName(target).orElseThrow().generate(request).get(0).text();
            assertTrue(text.contains(pinned), target);
        }
        String dockerfile =
                Backends.byName("dockerfile").orElseThrow().generate(request).get(0).text();
        assertTrue(dockerfile.contains("docker build -t ghcr.io/acme/web:2.0 ."), dockerfile);
    }
}
