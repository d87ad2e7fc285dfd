package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.Generated;
import dev.distrogen.WritableReference;
import dev.distrogen.backend.docs.DocsBackend;
import dev.distrogen.plan.ImagePlan;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The docs page: read-only run with every writable dir, the debug recipes, tables no spec string
 * can break.
 */
class DocsPageTest {

    @TestFactory
    Stream<DynamicTest> everySpec_documentsHowToRunAndDebugIt() throws Exception {
        return dev.distrogen.Golden.operatorSpecs().stream()
                .map(
                        spec ->
                                DynamicTest.dynamicTest(
                                        spec.getFileName().toString(), () -> assertDocs(spec)));
    }

    private static void assertDocs(Path spec) throws Exception {
        Generated generated = Generated.of(spec);
        ImagePlan plan = generated.plan();
        String page = generated.text("docs");
        assertTrue(page.contains("--read-only"), page);
        Map<String, String> writable = WritableReference.tmpfsOptions(generated.spec());
        java.util.Set<String> persistent = WritableReference.persistent(generated.spec());
        for (Map.Entry<String, String> dir : writable.entrySet()) {
            if (persistent.contains(dir.getKey())) {
                // A named volume keeps the data: docker fills it with the dir's owner and mode from
                // the image.
                assertTrue(
                        page.matches(
                                "(?s).*\n  -v '?"
                                        + plan.names().workload()
                                        + "-[a-z0-9-]+:"
                                        + dir.getKey()
                                        + "'? .*"),
                        dir.getKey());
                continue;
            }
            String tmpfs = dir.getKey() + ":" + dir.getValue();
            assertTrue(
                    page.contains("--tmpfs " + tmpfs) || page.contains("--tmpfs '" + tmpfs + "'"),
                    tmpfs);
        }
        assertEquals(
                writable.size() - persistent.size(),
                page.split("--tmpfs ", -1).length - 1,
                "a tmpfs on exactly the writable dirs that are not persistent");
        assertTrue(page.contains("kubectl apply -f k8s.yaml"), "how to deploy it");
        assertTrue(
                page.contains("--profile=restricted"),
                "a debug container the restricted Pod Security Standard admits");
        assertTrue(
                page.contains(
                        "beta and enabled by default since Kubernetes 1.23, and generally available since 1.25"),
                "ephemeral containers' history");
        assertTrue(
                page.contains("## Ship it")
                        && page.contains("docker push " + plan.reference())
                        && page.contains("trivy image " + plan.reference())
                        && page.contains(".Manifest.Digest"),
                "push, digest, scan");
        assertTrue(
                page.contains("DS026") && page.contains("KSV116"),
                "why trivy config reports what it reports");
        assertTrue(
                page.contains("--pid=container:") && page.contains("--net=container:"),
                "the sidecar recipe");
        assertTrue(
                page.matches(
                        "(?s).*kubectl debug -it( -n [a-z0-9-]+)? POD --image=busybox --target=.*"),
                "the ephemeral container recipe");
        assertTrue(
                page.contains("docker build -t " + plan.reference()) && page.contains("nix-build"),
                "both builds");
        assertTrue(
                page.contains(
                                "SOURCE_DATE_EPOCH=\"$(git log -1 --format=%ct)\" docker buildx build --build-arg SOURCE_DATE_EPOCH \\\n"
                                        + "  --output type=docker,name="
                                        + plan.reference()
                                        + ",rewrite-timestamp=true build/docker\n")
                        && page.contains(
                                "\nbuildah bud --layers --timestamp \"$(git log -1 --format=%ct)\" -t "
                                        + plan.reference()
                                        + " build/docker\n"),
                "how to build it reproducibly and in layers, as ReproducibleImageIT and LayeredImageIT do");
        for (String line : page.split("\n")) {
            if (line.startsWith("| ") && !line.startsWith("| |")) {
                String unescaped = line.replace("\\|", "");
                long cells = unescaped.chars().filter(c -> c == '|').count() - 1;
                assertTrue(
                        cells == 2 || cells == 3 || cells == 4,
                        "a table row keeps its cells: " + line);
            }
        }
        assertEquals(
                2, page.split("\n# ", -1).length, "one title: no spec string starts a heading");
        String scan =
                page.substring(page.indexOf("\n## Scan it\n"), page.indexOf("\n## Debug it\n"));
        boolean nixBuilder = plan.docker().builder() == dev.distrogen.model.DockerBuilder.NIX;
        assertEquals(
                plan.sbom() && !nixBuilder,
                scan.contains(
                        "trivy image " + plan.reference() + "\ngrype " + plan.reference() + "\n"),
                scan);
        assertEquals(
                plan.sbom() && !nixBuilder,
                scan.contains("docker buildx build --sbom=true -t " + plan.reference()),
                scan);
        assertTrue(
                scan.contains(
                        "sbomnix \"$(nix-build --expr '(import (builtins.fetchTarball { url = \""
                                + plan.nix().nixpkgs().url()
                                + "\"; sha256 = \""
                                + plan.nix().nixpkgs().sha256()
                                + "\"; }) { })."),
                scan);
        assertEquals(plan.sbom() && !nixBuilder, scan.contains("/var/lib/dpkg/status.d/"), scan);
        assertEquals(
                plan.sbom() && nixBuilder,
                scan.contains(
                        "The Dockerfile's build stage lists the closure it copies (`nix-store -qR`)"),
                scan);
        assertVerifyCommands(plan, page);
    }

    /**
     * With a registry the workflow pushes and signs: the page shows cosign verify with the identity
     * to expect.
     */
    private static void assertVerifyCommands(ImagePlan plan, String page) {
        String signed =
                dev.distrogen.backend.escape.Shell.word(
                        plan.name() + "@" + plan.digest().orElse("sha256:..."));
        String identity =
                " \\\n  --certificate-identity-regexp '^https://github\\.com/OWNER/REPO/\\.github/workflows/image\\.yml@refs/heads/main$'"
                        + " \\\n  --certificate-oidc-issuer https://token.actions.githubusercontent.com\n";
        assertEquals(
                plan.registry().isPresent(),
                page.contains("\ncosign verify " + signed + identity),
                page);
        assertEquals(
                plan.registry().isPresent() && plan.sbom(),
                page.contains("\ncosign verify-attestation --type cyclonedx " + signed + identity),
                page);
        assertEquals(
                plan.registry().isPresent(),
                page.contains("\ngh attestation verify oci://" + signed + " --repo OWNER/REPO\n"),
                page);
    }

    @Test
    void sbomOff_theScanSectionSaysTheImageCarriesNoMetadata() throws Exception {
        ImagePlan plan =
                dev.distrogen.Compiler.compile(
                                new dev.distrogen.diagnostic.SpecSource(
                                        "t.dl",
                                        Path.of("."),
                                        "app \"web\" { binary \"/usr/bin/web\" }\nuser \"web\" uid 10001 gid 10001\nsbom off\n"))
                        .plan()
                        .orElseThrow();
        String page =
                new DocsBackend()
                        .generate(new GenerationRequest(plan, "t.dl", false))
                        .get(0)
                        .text();
        String scan =
                page.substring(
                        page.indexOf("## Scan it"),
                        page.indexOf("\n## ", page.indexOf("## Scan it")));
        assertTrue(
                scan.contains("The spec says `sbom off`: the image carries no package metadata"),
                scan);
        assertTrue(!scan.contains("trivy image web"), scan);
    }

    /**
     * A 70-character app name: the docs' kubectl debug --target names the container k8s.yaml
     * declares.
     */
    @Test
    void docsAndK8s_nameTheSameContainer() throws Exception {
        String app = "my_" + "very-".repeat(13) + "long-app";
        ImagePlan plan =
                Compiler.compile(
                                new dev.distrogen.diagnostic.SpecSource(
                                        "long.dl",
                                        Path.of("/tmp"),
                                        "app \""
                                                + app
                                                + "\" { binary \"/usr/bin/x\" }\nuser \"u\" uid 10001 gid 10001\n"))
                        .plan()
                        .orElseThrow();
        String page =
                new DocsBackend()
                        .generate(new GenerationRequest(plan, "long.dl", false))
                        .get(0)
                        .text();
        String yaml =
                new dev.distrogen.backend.k8s.K8sBackend()
                        .generate(new GenerationRequest(plan, "long.dl", false))
                        .get(0)
                        .text();
        Map<?, ?> deployment =
                (Map<?, ?>) new org.yaml.snakeyaml.Yaml().loadAll(yaml).iterator().next();
        Map<?, ?> pod =
                (Map<?, ?>)
                        ((Map<?, ?>) ((Map<?, ?>) deployment.get("spec")).get("template"))
                                .get("spec");
        String container =
                (String)
                        ((Map<?, ?>) ((java.util.List<?>) pod.get("containers")).get(0))
                                .get("name");
        assertTrue(container.length() <= 63, container);
        assertTrue(
                page.contains("--target=" + container + "\n")
                        || page.contains("--target=" + container + " "),
                page);
    }
}
