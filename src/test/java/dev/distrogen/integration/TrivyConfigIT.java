package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distrogen.Compiler;
import dev.distrogen.Golden;
import dev.distrogen.backend.Backends;
import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.backend.GenerationRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trivy's misconfiguration checks (its embedded ones, offline) on every example's {@code --target
 * all} output find nothing but DS026, no HEALTHCHECK, which an image without a shell cannot run
 * (the docs say why), and KSV116, which Trivy reports for every object of a manifest (it reads
 * runAsGroup and fsGroup from the object's own spec, not the pod template's).
 */
class TrivyConfigIT {

    private static final Set<String> EXPECTED = Set.of("DS026", "KSV116");

    @Test
    void everyExamplesRepositorySkeleton_failsNoCheckButDs026AndKsv116(@TempDir Path out)
            throws Exception {
        String trivy =
                Scanners.trivy("its config checks scan the generated Dockerfiles and manifests");
        for (Path spec : Golden.exampleSpecs()) {
            String example = spec.getParent().getFileName().toString();
            var plan = Compiler.compile(spec, spec.getFileName().toString()).plan().orElseThrow();
            for (GeneratedFile file :
                    Backends.byName("all")
                            .orElseThrow()
                            .generate(
                                    new GenerationRequest(
                                            plan, spec.getFileName().toString(), true))) {
                Path target = out.resolve(example).resolve(file.path());
                Files.createDirectories(target.getParent());
                Files.write(target, file.content());
            }
        }
        // --skip-policy-update: the checks built into the binary, no download.
        String json =
                Command.check(
                        Duration.ofMinutes(5),
                        trivy,
                        "config",
                        "--skip-policy-update",
                        "--quiet",
                        "--format",
                        "json",
                        "--cache-dir",
                        Golden.root().resolve("target/trivy-cache").toString(),
                        out.toString());
        Map<String, Set<String>> failed = new TreeMap<>();
        int scanned = 0;
        for (JsonNode result : new ObjectMapper().readTree(json).path("Results")) {
            scanned++;
            for (JsonNode finding : result.path("Misconfigurations")) {
                if (finding.path("Status").asText().equals("FAIL")) {
                    failed.computeIfAbsent(result.path("Target").asText(), k -> new TreeSet<>())
                            .add(finding.path("ID").asText());
                }
            }
        }
        int examples = Golden.exampleSpecs().size();
        assertTrue(
                scanned >= 2 * examples,
                "Trivy read a Dockerfile and a k8s.yaml of every example: " + json);
        for (Path spec : Golden.exampleSpecs()) {
            String example = spec.getParent().getFileName().toString();
            assertEquals(
                    Set.of("DS026"),
                    failed.remove(example + "/Dockerfile"),
                    example + "/Dockerfile");
            assertEquals(
                    Set.of("KSV116"), failed.remove(example + "/k8s.yaml"), example + "/k8s.yaml");
        }
        assertEquals(Map.of(), failed, "nothing else fails; the only findings are " + EXPECTED);
    }
}
