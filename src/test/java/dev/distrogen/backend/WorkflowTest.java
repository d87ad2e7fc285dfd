package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.Generated;
import dev.distrogen.model.Spec;
import dev.distrogen.Golden;
import dev.distrogen.WritableReference;
import dev.distrogen.backend.all.AllBackend;
import dev.distrogen.backend.escape.GithubActions;
import dev.distrogen.plan.ImagePlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * The workflow of {@code --target all}, parsed back: least privilege, actions pinned by commit,
 * a smoke run read-only with the planned tmpfs mounts, a Trivy scan, and no spec string that the
 * runner would evaluate as an expression.
 */
class WorkflowTest {

    private static final String WORKFLOW = ".github/workflows/image.yml";
    private static final Pattern USES = Pattern.compile("(?m)^\\s*(?:- )?uses: (\\S+)(.*)$");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}");
    /** The expressions the workflow itself writes; anything else would come from a spec. */
    private static final Set<String> OURS = Set.of(" '${{' ", " github.actor ", " secrets.GITHUB_TOKEN ",
            " secrets.REGISTRY_USERNAME ", " secrets.REGISTRY_PASSWORD ", " steps.push.outputs.digest ");

    @TestFactory
    Stream<DynamicTest> everySpec_givesAPinnedLeastPrivilegeWorkflow() {
        return Golden.operatorSpecs().stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> assertWorkflow(spec)));
    }

    @SuppressWarnings("unchecked")
    private static void assertWorkflow(Path specFile) throws Exception {
        Generated generated = Generated.of(specFile);
        Spec spec = generated.spec();
        // The workflow alone: the escapes spec has no build stage for the Dockerfile part of `all`.
        String text = generated.workflow();
        // Expected values from the spec as written, not from the plan the workflow was made from.
        String name = spec.image().map(i -> i.name().value()).orElse(spec.app().orElseThrow().name().value());
        String reference = name + ":" + spec.image().flatMap(i -> i.tag()).map(t -> t.value()).orElse("latest");
        String first = name.contains("/") ? name.substring(0, name.indexOf('/')) : "";
        boolean registry = first.contains(".") || first.contains(":") || first.equals("localhost");
        Map<String, Object> workflow = new Yaml().load(text);
        assertEquals(Map.of("contents", "read"), workflow.get("permissions"), "the token reads only, by default");
        Map<String, Map<String, Object>> jobs = (Map<String, Map<String, Object>>) workflow.get("jobs");
        for (Map.Entry<String, Map<String, Object>> job : jobs.entrySet()) {
            Object permissions = job.getValue().get("permissions");
            if (job.getKey().equals("push")) {
                assertEquals(Map.of("contents", "read", "packages", "write"), permissions);
                assertEquals("github.event_name == 'push'", job.getValue().get("if"));
            } else {
                assertEquals(null, permissions, job.getKey() + " keeps the read-only default");
            }
        }
        assertEquals(registry, jobs.containsKey("push"), "a push job when the name has a registry");

        Matcher uses = USES.matcher(text);
        int actions = 0;
        while (uses.find()) {
            actions++;
            assertTrue(uses.group(1).matches("[a-z-]+/[a-z-]+@[0-9a-f]{40}"), "pinned by a full commit: " + uses.group(1));
            assertTrue(uses.group(2).matches(" # v[0-9]+\\.[0-9]+\\.[0-9]+"), "with its version: " + uses.group());
        }
        assertTrue(actions >= 4, text);

        List<Map<String, Object>> steps = (List<Map<String, Object>>) jobs.get("dockerfile").get("steps");
        String smoke = steps.stream().map(s -> (String) s.get("run")).filter(r -> r != null && r.contains("docker run"))
                .findFirst().orElseThrow();
        assertTrue(smoke.contains("--read-only"), smoke);
        Set<String> persistent = WritableReference.persistent(spec);
        WritableReference.tmpfsOptions(spec).forEach((dir, options) -> {
            String tmpfs = GithubActions.literal(dir + ":" + options);
            assertEquals(!persistent.contains(dir), smoke.contains("--tmpfs " + tmpfs) || smoke.contains("--tmpfs '" + tmpfs + "'"), dir);
        });
        healthPort(spec).ifPresent(port -> assertTrue(smoke.contains("127.0.0.1:" + port) || smoke.contains("127.0.0.1/" + port),
                "probes the health port: " + smoke));
        Map<String, Object> scan = steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith("aquasecurity/trivy-action@"))
                .findFirst().orElseThrow();
        assertEquals(GithubActions.literal(reference), ((Map<String, Object>) scan.get("with")).get("image-ref"));
        assertEquals("1", ((Map<String, Object>) scan.get("with")).get("exit-code"), "a finding fails the build");
        assertFalse(text.contains("nixos-unstable") || text.contains("nix_path"), "nixpkgs comes pinned from default.nix");

        List<String> foreign = new ArrayList<>();
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            if (!OURS.contains(expression.group(1))) {
                foreign.add(expression.group());
            }
        }
        assertEquals(List.of(), foreign, "every ${{ in a spec string is written as a literal");
    }

    /** The spec's health port; without a health check, its first tcp port; `health none`: none. */
    private static java.util.Optional<Integer> healthPort(Spec spec) {
        if (spec.health().isPresent()) {
            return spec.health().get().port().map(p -> Integer.parseInt(p.value()));
        }
        return spec.ports().stream().filter(p -> p.protocolName().equalsIgnoreCase("tcp")).findFirst()
                .map(p -> Integer.parseInt(p.number().value()));
    }

    @Test
    void literal_turnsEveryExpressionOpenerIntoText() {
        assertEquals("/srv/${{ '${{' }} secrets.X }}", GithubActions.literal("/srv/${{ secrets.X }}"));
        assertEquals("a $ {{ b ${ c", GithubActions.literal("a $ {{ b ${ c"));
        assertEquals("${{ '${{' }}${{ '${{' }}", GithubActions.literal("${{${{"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRegistryOtherThanGhcr_logsInWithTheRepositorysSecrets_andNoNameWithoutARegistryPushes() {
        String spec = "app \"web\" { binary \"/usr/bin/web\" }\nuser \"web\" uid 10001 gid 10001\n";
        ImagePlan local = Compiler.compile(new dev.distrogen.diagnostic.SpecSource("w.dl", Path.of("/tmp"),
                "image \"localhost:5000/acme/web\" tag \"3\"\n" + spec)).plan().orElseThrow();
        Map<String, Object> workflow = new Yaml().load(workflow(local));
        Map<String, Object> push = ((Map<String, Map<String, Object>>) workflow.get("jobs")).get("push");
        Map<String, Object> login = ((List<Map<String, Object>>) push.get("steps")).stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith("docker/login-action@")).findFirst().orElseThrow();
        assertEquals(Map.of("registry", "localhost:5000", "username", "${{ secrets.REGISTRY_USERNAME }}",
                "password", "${{ secrets.REGISTRY_PASSWORD }}"), login.get("with"));
        ImagePlan bare = Compiler.compile(new dev.distrogen.diagnostic.SpecSource("w.dl", Path.of("/tmp"),
                "image \"acme/web\"\n" + spec)).plan().orElseThrow();
        assertFalse(((Map<String, Object>) new Yaml().<Map<String, Object>>load(workflow(bare)).get("jobs")).containsKey("push"));
    }

    private static String workflow(ImagePlan plan) {
        try {
            return new AllBackend(List.of()).generate(new GenerationRequest(plan, "w.dl", true)).get(0).text();
        } catch (GenerationException e) {
            throw new AssertionError(e);
        }
    }
}
