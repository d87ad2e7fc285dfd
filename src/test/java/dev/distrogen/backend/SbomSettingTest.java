package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.backend.dockerfile.DockerfileBackend;
import dev.distrogen.backend.json.JsonBackend;
import dev.distrogen.backend.nix.NixBackend;
import dev.distrogen.backend.plan.PlanBackend;
import dev.distrogen.diagnostic.SpecSource;
import dev.distrogen.plan.ImagePlan;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sbom on|off}: on by default, the metadata steps are in every target's output; off, in
 * none.
 */
class SbomSettingTest {

    private static ImagePlan plan(String sbomStatement, String builder) {
        String spec =
                "app \"web\" { binary \"/usr/bin/web\" }\nuser \"web\" uid 10001 gid 10001\n"
                        + "docker { from \"debian:12\" builder "
                        + builder
                        + " }\n"
                        + sbomStatement;
        var compiled = Compiler.compile(new SpecSource("t.dl", Path.of("."), spec));
        assertEquals(java.util.List.of(), compiled.diagnostics().sorted());
        return compiled.plan().orElseThrow();
    }

    private static String render(Backend backend, ImagePlan plan) throws Exception {
        return backend.generate(new GenerationRequest(plan, "t.dl", false)).get(0).text();
    }

    @ParameterizedTest
    @CsvSource({
        "'', image, true",
        "'sbom on\n', image, true",
        "'sbom off\n', image, false",
        "'', nix, true",
        "'sbom off\n', nix, false"
    })
    void sbom_onByDefault_offLeavesEveryTargetWithoutMetadata(
            String statement, String builder, boolean on) throws Exception {
        ImagePlan plan = plan(statement, builder);
        assertEquals(on, plan.sbom());
        String dockerfile = render(new DockerfileBackend(), plan);
        if (builder.equals("image")) {
            assertEquals(
                    on,
                    dockerfile.contains(
                            "\nRUN sh /distrogen/metadata.sh "
                                    + dev.distrogen.plan.ImagePlan.SBOM_PATH
                                    + "\n"),
                    dockerfile);
        } else {
            assertEquals(
                    on,
                    dockerfile.contains(
                            " --sbom " + dev.distrogen.plan.ImagePlan.SBOM_PATH + " web\n"),
                    dockerfile);
        }
        assertEquals(on, dockerfile.contains(dev.distrogen.plan.ImagePlan.SBOM_PATH), dockerfile);
        String nix = render(new NixBackend(), plan);
        assertEquals(
                on,
                nix.contains(
                        "dg_nix_components < ${pkgs.writeClosure [ pkgs.web ]} | dg_cdx > $out"),
                nix);
        assertEquals(
                on,
                nix.contains("cp ${sbom} '." + dev.distrogen.plan.ImagePlan.SBOM_PATH + "'"),
                nix);
        assertTrue(render(new JsonBackend(), plan).contains("\"sbom\": " + on + ","));
        String planText = render(new PlanBackend(), plan);
        assertEquals(
                !on, planText.contains("Package metadata for scanners: none (sbom off)"), planText);
    }
}
