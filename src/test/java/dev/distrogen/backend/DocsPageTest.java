package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.backend.docs.DocsBackend;
import dev.distrogen.backend.k8s.K8sBackend;
import dev.distrogen.plan.ImagePlan;
import dev.distrogen.plan.PlanEntry;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The docs page: read-only run with every writable dir, the debug recipes, tables no spec string can break. */
class DocsPageTest {

    @TestFactory
    Stream<DynamicTest> everySpec_documentsHowToRunAndDebugIt() throws Exception {
        return dev.distrogen.Golden.allSpecs().stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(),
                () -> assertDocs(spec)));
    }

    private static void assertDocs(Path spec) throws Exception {
        ImagePlan plan = Compiler.compile(spec, spec.getFileName().toString()).plan().orElseThrow();
        String page = new DocsBackend().generate(new GenerationRequest(plan, "spec.dl", false)).get(0).text();
        assertTrue(page.contains("--read-only"), page);
        for (PlanEntry dir : K8sBackend.writableDirs(plan)) {
            String tmpfs = dir.path().value() + ":uid=" + dir.uid() + ",gid=" + dir.gid() + ",mode=" + dir.mode().octal();
            assertTrue(page.contains("--tmpfs " + tmpfs) || page.contains("--tmpfs '" + tmpfs + "'"), tmpfs);
        }
        assertTrue(page.contains("--pid=container:") && page.contains("--net=container:"), "the sidecar recipe");
        assertTrue(page.contains("kubectl debug -it POD --image=busybox --target="), "the ephemeral container recipe");
        assertTrue(page.contains("docker build -t " + plan.reference()) && page.contains("nix-build"), "both builds");
        for (String line : page.split("\n")) {
            if (line.startsWith("| ") && !line.startsWith("| |")) {
                String unescaped = line.replace("\\|", "");
                long cells = unescaped.chars().filter(c -> c == '|').count() - 1;
                assertTrue(cells == 2 || cells == 3 || cells == 4, "a table row keeps its cells: " + line);
            }
        }
        assertEquals(2, page.split("\n# ", -1).length, "one title: no spec string starts a heading");
        String scan = page.substring(page.indexOf("\n## Scan it\n"), page.indexOf("\n## Debug it\n"));
        boolean nixBuilder = plan.docker().builder() == dev.distrogen.model.DockerBuilder.NIX;
        assertEquals(plan.sbom() && !nixBuilder, scan.contains("trivy image " + plan.reference() + "\ngrype " + plan.reference() + "\n"),
                scan);
        assertEquals(plan.sbom() && !nixBuilder, scan.contains("docker buildx build --sbom=true -t " + plan.reference()), scan);
        assertTrue(scan.contains("sbomnix \"$(nix-build '<nixpkgs>' -A " + plan.nix().packageAttr() + " --no-out-link)\""), scan);
        assertEquals(plan.sbom() && !nixBuilder, scan.contains("/var/lib/dpkg/status.d/"), scan);
        assertEquals(plan.sbom() && nixBuilder, scan.contains("The Dockerfile's build stage lists the closure it copies (`nix-store -qR`)"), scan);
    }

    @Test
    void sbomOff_theScanSectionSaysTheImageCarriesNoMetadata() throws Exception {
        ImagePlan plan = dev.distrogen.Compiler.compile(new dev.distrogen.diagnostic.SpecSource("t.dl", Path.of("."),
                "app \"web\" { binary \"/usr/bin/web\" }\nuser \"web\" uid 10001 gid 10001\nsbom off\n")).plan().orElseThrow();
        String page = new DocsBackend().generate(new GenerationRequest(plan, "t.dl", false)).get(0).text();
        assertTrue(page.contains("The spec says `sbom off`: the image carries no package metadata"), page);
        assertTrue(!page.contains("trivy image web"), page);
    }
}
