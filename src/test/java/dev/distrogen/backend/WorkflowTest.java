package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.Generated;
import dev.distrogen.Golden;
import dev.distrogen.WritableReference;
import dev.distrogen.backend.all.AllBackend;
import dev.distrogen.backend.escape.GithubActions;
import dev.distrogen.model.Spec;
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
 * The workflow of {@code --target all}, parsed back: least privilege, actions pinned by commit, a
 * smoke run read-only with the planned tmpfs mounts, a Trivy scan, and no spec string that the
 * runner would evaluate as an expression.
 */
class WorkflowTest {

    private static final String WORKFLOW = ".github/workflows/image.yml";
    private static final Pattern USES = Pattern.compile("(?m)^\\s*(?:- )?uses: (\\S+)(.*)$");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}");

    /** The expressions the workflow itself writes; anything else would come from a spec. */
    private static final Set<String> OURS =
            Set.of(
                    " '${{' ",
                    " github.actor ",
                    " secrets.GITHUB_TOKEN ",
                    " secrets.REGISTRY_USERNAME ",
                    " secrets.REGISTRY_PASSWORD ",
                    " steps.push.outputs.digest ",
                    " matrix.system ");

    @TestFactory
    Stream<DynamicTest> everySpec_givesAPinnedLeastPrivilegeWorkflow() {
        return Golden.operatorSpecs().stream()
                .map(
                        spec ->
                                DynamicTest.dynamicTest(
                                        spec.getFileName().toString(), () -> assertWorkflow(spec)));
    }

    @SuppressWarnings("unchecked")
    private static void assertWorkflow(Path specFile) throws Exception {
        Generated generated = Generated.of(specFile);
        Spec spec = generated.spec();
        // The workflow alone: the escapes spec has no build stage for the Dockerfile part of `all`.
        String text = generated.workflow();
        // Expected values from the spec as written, not from the plan the workflow was made from.
        String name =
                spec.image()
                        .map(i -> i.name().value())
                        .orElse(spec.app().orElseThrow().name().value());
        String reference =
                name
                        + ":"
                        + spec.image().flatMap(i -> i.tag()).map(t -> t.value()).orElse("latest");
        String first = name.contains("/") ? name.substring(0, name.indexOf('/')) : "";
        boolean registry = first.contains(".") || first.contains(":") || first.equals("localhost");
        Map<String, Object> workflow = new Yaml().load(text);
        assertEquals(
                Map.of("contents", "read"),
                workflow.get("permissions"),
                "the token reads only, by default");
        Map<String, Map<String, Object>> jobs =
                (Map<String, Map<String, Object>>) workflow.get("jobs");
        for (Map.Entry<String, Map<String, Object>> job : jobs.entrySet()) {
            Object permissions = job.getValue().get("permissions");
            if (job.getKey().equals("push")) {
                assertEquals(
                        Map.of(
                                "contents",
                                "read",
                                "packages",
                                "write",
                                "id-token",
                                "write",
                                "attestations",
                                "write"),
                        permissions,
                        "only the push job may mint an OIDC token (to sign) and write attestations");
                assertEquals("github.event_name == 'push'", job.getValue().get("if"));
            } else {
                assertEquals(null, permissions, job.getKey() + " keeps the read-only default");
            }
        }
        assertEquals(registry, jobs.containsKey("push"), "a push job when the name has a registry");
        assertReproducibilityJob(jobs);
        assertPlatforms(spec.platforms().stream().map(p -> p.value()).toList(), jobs);
        String branch =
                ((Map<String, Map<String, List<String>>>) workflow.get("on"))
                        .get("push")
                        .get("branches")
                        .get(0);
        assertSignerIdentity(branch);
        if (jobs.containsKey("push")) {
            boolean sbom = spec.sbom().map(s -> s.value().equals("on")).orElse(true);
            assertSignsAndAttests(
                    name, sbom, (List<Map<String, Object>>) jobs.get("push").get("steps"));
        }

        Matcher uses = USES.matcher(text);
        int actions = 0;
        while (uses.find()) {
            actions++;
            assertTrue(
                    uses.group(1).matches("[a-z-]+/[a-z-]+@[0-9a-f]{40}"),
                    "pinned by a full commit: " + uses.group(1));
            assertTrue(
                    uses.group(2).matches(" # v[0-9]+\\.[0-9]+\\.[0-9]+"),
                    "with its version: " + uses.group());
        }
        assertTrue(actions >= 4, text);

        List<Map<String, Object>> steps =
                (List<Map<String, Object>>) jobs.get("dockerfile").get("steps");
        String smoke =
                steps.stream()
                        .map(s -> (String) s.get("run"))
                        .filter(r -> r != null && r.contains("docker run"))
                        .findFirst()
                        .orElseThrow();
        assertTrue(smoke.contains("--read-only"), smoke);
        Set<String> persistent = WritableReference.persistent(spec);
        WritableReference.tmpfsOptions(spec)
                .forEach(
                        (dir, options) -> {
                            String tmpfs = GithubActions.literal(dir + ":" + options);
                            assertEquals(
                                    !persistent.contains(dir),
                                    smoke.contains("--tmpfs " + tmpfs)
                                            || smoke.contains("--tmpfs '" + tmpfs + "'"),
                                    dir);
                        });
        healthPort(spec)
                .ifPresent(
                        port ->
                                assertTrue(
                                        smoke.contains("127.0.0.1:" + port)
                                                || smoke.contains("127.0.0.1/" + port),
                                        "probes the health port: " + smoke));
        Map<String, Object> scan =
                steps.stream()
                        .filter(
                                s ->
                                        String.valueOf(s.get("uses"))
                                                .startsWith("aquasecurity/trivy-action@"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                GithubActions.literal(reference),
                ((Map<String, Object>) scan.get("with")).get("image-ref"));
        assertEquals(
                "1",
                ((Map<String, Object>) scan.get("with")).get("exit-code"),
                "a finding fails the build");
        assertFalse(
                text.contains("nixos-unstable") || text.contains("nix_path"),
                "nixpkgs comes pinned from default.nix");

        List<String> foreign = new ArrayList<>();
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            if (!OURS.contains(expression.group(1))) {
                foreign.add(expression.group());
            }
        }
        assertEquals(List.of(), foreign, "every ${{ in a spec string is written as a literal");
    }

    /**
     * With {@code platforms}: a job builds every platform with QEMU and buildx on every push and
     * pull request, the push job pushes them as one index (build-push-action's digest is then the
     * index's, which it signs), and Nix builds each system. Without: none of that, one platform.
     */
    @SuppressWarnings("unchecked")
    private static void assertPlatforms(
            List<String> platforms, Map<String, Map<String, Object>> jobs) {
        String list = String.join(",", platforms);
        assertEquals(!platforms.isEmpty(), jobs.containsKey("platforms"), "a platforms job");
        List<String> systems =
                platforms.stream()
                        .map(p -> dev.distrogen.model.Platform.ofName(p).orElseThrow().nixSystem())
                        .toList();
        Object matrix = jobs.get("nix").get("strategy");
        assertEquals(
                platforms.isEmpty()
                        ? null
                        : Map.of("fail-fast", false, "matrix", Map.of("system", systems)),
                matrix,
                "Nix builds each system");
        for (String job : List.of("platforms", "push")) {
            if (!jobs.containsKey(job) || platforms.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> steps =
                    (List<Map<String, Object>>) jobs.get(job).get("steps");
            List<String> uses =
                    steps.stream()
                            .map(s -> String.valueOf(s.get("uses")).replaceAll("@.*", ""))
                            .toList();
            int qemu = uses.indexOf("docker/setup-qemu-action");
            assertTrue(
                    qemu >= 0
                            && qemu < uses.indexOf("docker/setup-buildx-action")
                            && uses.indexOf("docker/setup-buildx-action")
                                    < uses.indexOf("docker/build-push-action"),
                    job + ": QEMU, then buildx, then the build: " + uses);
            Map<String, Object> build = steps.get(uses.indexOf("docker/build-push-action"));
            assertEquals(list, ((Map<String, Object>) build.get("with")).get("platforms"), job);
            assertEquals(
                    job.equals("push"), ((Map<String, Object>) build.get("with")).get("push"), job);
        }
        if (jobs.containsKey("push")) {
            assertEquals(
                    !platforms.isEmpty(),
                    ((List<String>) jobs.get("push").get("needs")).contains("platforms"),
                    "the push waits for every platform to build");
        }
    }

    /**
     * After the push: cosign signs the pushed digest (never a tag), Trivy writes the SBOM of that
     * digest, cosign attaches it as an attestation, and GitHub's action attests the provenance.
     */
    @SuppressWarnings("unchecked")
    private static void assertSignsAndAttests(
            String imageName, boolean sbomOn, List<Map<String, Object>> steps) {
        List<String> names =
                steps.stream()
                        .map(
                                s ->
                                        String.valueOf(
                                                s.getOrDefault(
                                                        "id",
                                                        s.getOrDefault("name", s.get("uses")))))
                        .toList();
        int push = names.indexOf("push");
        String name = GithubActions.literal(dev.distrogen.backend.escape.Shell.word(imageName));
        Map<String, Object> sign = step(steps, "cosign sign");
        assertEquals("cosign sign --yes " + name + "@\"$DIGEST\"", sign.get("run"));
        assertEquals(Map.of("DIGEST", "${{ steps.push.outputs.digest }}"), sign.get("env"));
        assertTrue(
                steps.indexOf(sign) > push
                        && names.stream().anyMatch(n -> n.startsWith("sigstore/cosign-installer@")),
                "cosign is installed and signs what was pushed: " + names);
        Map<String, Object> provenance =
                steps.stream()
                        .filter(
                                s ->
                                        String.valueOf(s.get("uses"))
                                                .startsWith("actions/attest-build-provenance@"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                Map.of(
                        "subject-name",
                        GithubActions.literal(imageName),
                        "subject-digest",
                        "${{ steps.push.outputs.digest }}",
                        "push-to-registry",
                        true),
                provenance.get("with"));
        Map<String, Object> sbom =
                steps.stream()
                        .filter(s -> String.valueOf(s.get("name")).contains("SBOM from"))
                        .findFirst()
                        .orElse(null);
        assertEquals(
                sbomOn,
                sbom != null,
                "an SBOM attestation exactly when the image carries package metadata");
        if (sbom != null) {
            Map<String, Object> with = (Map<String, Object>) sbom.get("with");
            assertEquals(
                    GithubActions.literal(imageName) + "@${{ steps.push.outputs.digest }}",
                    with.get("image-ref"));
            assertEquals("cyclonedx", with.get("format"));
            assertEquals(
                    "cosign attest --yes --type cyclonedx --predicate "
                            + with.get("output")
                            + " "
                            + name
                            + "@\"$DIGEST\"",
                    step(steps, "cosign attest").get("run"));
            assertTrue(
                    steps.indexOf(sbom) < steps.indexOf(step(steps, "cosign attest")),
                    "the SBOM is written before it is attached");
        }
    }

    /**
     * IMAGE.md's cosign verify expects the identity GitHub puts in the certificate of this
     * workflow, run on the branch it pushes from, and no other repository's, workflow's or
     * branch's.
     */
    private static void assertSignerIdentity(String branch) {
        Pattern identity = Pattern.compile(KeylessSigning.identityRegexp("acme/web"));
        assertTrue(
                identity.matcher(
                                "https://github.com/acme/web/" + WORKFLOW + "@refs/heads/" + branch)
                        .matches(),
                branch);
        for (String other :
                List.of(
                        "https://github.com/acme/webx/" + WORKFLOW + "@refs/heads/" + branch,
                        "https://github.com/acme/web/.github/workflows/other.yml@refs/heads/"
                                + branch,
                        "https://github.com/acme/web/"
                                + WORKFLOW
                                + "@refs/heads/"
                                + branch
                                + "-fork",
                        "https://github.com/acme/web/" + WORKFLOW + "@refs/pull/1/merge",
                        "https://githubXcom/acme/web/" + WORKFLOW + "@refs/heads/" + branch)) {
            assertFalse(identity.matcher(other).matches(), other);
        }
    }

    /**
     * A job builds twice with BuildKit, SOURCE_DATE_EPOCH and rewrite-timestamp, the second time
     * from a copy with other file times, and fails when the digests differ; nothing unreproducible
     * is pushed.
     */
    @SuppressWarnings("unchecked")
    private static void assertReproducibilityJob(Map<String, Map<String, Object>> jobs) {
        List<Map<String, Object>> steps =
                (List<Map<String, Object>>) jobs.get("reproducible").get("steps");
        String run = String.valueOf(steps.get(steps.size() - 1).get("run"));
        assertTrue(
                run.startsWith(
                        "SOURCE_DATE_EPOCH=\"$(git log -1 --format=%ct)\"\nexport SOURCE_DATE_EPOCH\n"),
                run);
        assertTrue(
                run.contains("touch -h -d @1000000000"),
                "the second checkout's files have other times: " + run);
        assertTrue(
                run.contains("docker buildx build --no-cache")
                        && run.contains("--build-arg SOURCE_DATE_EPOCH")
                        && run.contains("rewrite-timestamp=true")
                        && run.contains("for build in first second"),
                run);
        assertTrue(
                run.contains("[ \"$first\" = \"$second\" ] || {") && run.contains("exit 1"),
                "different digests fail the job");
        if (jobs.containsKey("push")) {
            assertTrue(
                    ((List<String>) jobs.get("push").get("needs")).contains("reproducible"),
                    "only a reproducible image is pushed");
        }
    }

    private static Map<String, Object> step(List<Map<String, Object>> steps, String runPrefix) {
        return steps.stream()
                .filter(s -> String.valueOf(s.get("run")).startsWith(runPrefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step runs " + runPrefix + ": " + steps));
    }

    /** The spec's health port; without a health check, its first tcp port; `health none`: none. */
    private static java.util.Optional<Integer> healthPort(Spec spec) {
        if (spec.health().isPresent()) {
            return spec.health().get().port().map(p -> Integer.parseInt(p.value()));
        }
        return spec.ports().stream()
                .filter(p -> p.protocolName().equalsIgnoreCase("tcp"))
                .findFirst()
                .map(p -> Integer.parseInt(p.number().value()));
    }

    @Test
    void literal_turnsEveryExpressionOpenerIntoText() {
        assertEquals(
                "/srv/${{ '${{' }} secrets.X }}", GithubActions.literal("/srv/${{ secrets.X }}"));
        assertEquals("a $ {{ b ${ c", GithubActions.literal("a $ {{ b ${ c"));
        assertEquals("${{ '${{' }}${{ '${{' }}", GithubActions.literal("${{${{"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRegistryOtherThanGhcr_logsInWithTheRepositorysSecrets_andNoNameWithoutARegistryPushes() {
        String spec = "app \"web\" { binary \"/usr/bin/web\" }\nuser \"web\" uid 10001 gid 10001\n";
        ImagePlan local =
                Compiler.compile(
                                new dev.distrogen.diagnostic.SpecSource(
                                        "w.dl",
                                        Path.of("/tmp"),
                                        "image \"localhost:5000/acme/web\" tag \"3\"\n" + spec))
                        .plan()
                        .orElseThrow();
        Map<String, Object> workflow = new Yaml().load(workflow(local));
        Map<String, Object> push =
                ((Map<String, Map<String, Object>>) workflow.get("jobs")).get("push");
        Map<String, Object> login =
                ((List<Map<String, Object>>) push.get("steps"))
                        .stream()
                                .filter(
                                        s ->
                                                String.valueOf(s.get("uses"))
                                                        .startsWith("docker/login-action@"))
                                .findFirst()
                                .orElseThrow();
        assertEquals(
                Map.of(
                        "registry",
                        "localhost:5000",
                        "username",
                        "${{ secrets.REGISTRY_USERNAME }}",
                        "password",
                        "${{ secrets.REGISTRY_PASSWORD }}"),
                login.get("with"));
        ImagePlan bare =
                Compiler.compile(
                                new dev.distrogen.diagnostic.SpecSource(
                                        "w.dl", Path.of("/tmp"), "image \"acme/web\"\n" + spec))
                        .plan()
                        .orElseThrow();
        assertFalse(
                ((Map<String, Object>)
                                new Yaml().<Map<String, Object>>load(workflow(bare)).get("jobs"))
                        .containsKey("push"));
    }

    private static String workflow(ImagePlan plan) {
        try {
            return new AllBackend(List.of())
                    .generate(new GenerationRequest(plan, "w.dl", true))
                    .get(0)
                    .text();
        } catch (GenerationException e) {
            throw new AssertionError(e);
        }
    }
}
