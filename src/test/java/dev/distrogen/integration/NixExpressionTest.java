package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distrogen.Tools;
import dev.distrogen.Compiler;
import dev.distrogen.Golden;
import dev.distrogen.cli.CliRun;
import dev.distrogen.model.NixFunction;
import dev.distrogen.plan.ImagePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated expression parses with nix-instantiate and evaluates strictly against a test
 * double of nixpkgs whose builders take exactly the real formals. What the builder was called
 * with must be the plan: its config, and a layout that, run as fakeroot would run it, gives the
 * plan's files, owners and modes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NixExpressionTest {

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everySpec_parsesEvaluatesAndDeclaresThePlan() throws IOException {
        return Golden.allSpecs().stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> assertNix(spec)));
    }

    private void assertNix(Path spec) throws Exception {
        // In each dynamic test: a skip before the factory runs would not be counted at all.
        Nix.assumeNix();
        Path dir = Files.createTempDirectory(temp, "nix");
        CliRun run = CliRun.run(spec.toString(), "--target", "nix", "-o", dir.toString());
        assertEquals(0, run.exit(), run.err());
        Nix.assertParses(dir.resolve("default.nix"));
        ImagePlan plan = Compiler.compile(spec, spec.getFileName().toString()).plan().orElseThrow();
        JsonNode call = Nix.callWithDouble(dir);

        NixFunction function = plan.nix().function();
        assertEquals(function.nixName(), call.path("builder").asText());
        JsonNode args = call.path("args");
        assertEquals(plan.name(), args.path("name").asText());
        assertEquals(plan.tag(), args.path("tag").asText());
        assertTrue(args.path("created").isMissingNode(), "created is left to its reproducible default");
        JsonNode packageEnv = function == NixFunction.BUILD_IMAGE ? args.path("copyToRoot") : args.path("contents").path(0);
        assertTrue(args.path("contents").isMissingNode() || function != NixFunction.BUILD_IMAGE, "never contents with buildImage");
        assertEquals("buildEnv", packageEnv.path("builder").asText());

        String packagePath = Nix.eval("(import " + Nix.nixPath(Nix.DOUBLE) + ")." + plan.nix().packageAttr() + ".outPath").asText();
        assertEquals(packagePath, packageEnv.path("args").path("paths").path(0).asText());
        List<String> entrypoint = new java.util.ArrayList<>();
        if (plan.nix().init().isPresent()) {
            // The init: nixpkgs' tini, pulled into the image by the reference in the config.
            entrypoint.add(Nix.eval("(import " + Nix.nixPath(Nix.DOUBLE) + ").tini.outPath").asText() + "/bin/tini");
            entrypoint.add("--");
        }
        entrypoint.add(packagePath + "/" + plan.nix().binary());
        assertEquals(entrypoint, strings(args.path("config").path("Entrypoint")));
        assertConfig(args.path("config"), plan);

        JsonNode layoutOwner = function == NixFunction.BUILD_IMAGE ? args.path("fromImage") : call;
        if (function == NixFunction.BUILD_IMAGE) {
            assertEquals("buildLayeredImage", layoutOwner.path("builder").asText(), "the layout layer is made with fakeroot");
        }
        String layout = layoutOwner.path("args").path("fakeRootCommands").asText();
        Tools.requireRoot("running the layout needs root for chown");
        Path layer = Files.createTempDirectory(temp, "layer");
        Nix.runLayout(layout, layer);
        TreeAssertions.assertLaidOutAsPlanned(layer, plan);
    }

    /** The config as the plan says: the keys are OCI's, case-sensitive, since dockerTools passes config through. */
    static void assertConfig(JsonNode config, ImagePlan plan) {
        assertEquals(plan.config().user(), config.path("User").asText());
        assertEquals(plan.config().cmd(), strings(config.path("Cmd")));
        assertEquals(plan.config().envList(), strings(config.path("Env")));
        assertEquals(plan.config().workingDir().orElse(""), config.path("WorkingDir").asText(""));
        List<String> ports = new ArrayList<>();
        config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertEquals(plan.config().portList(), ports);
        assertEquals(plan.config().stopSignal().orElse(""), config.path("StopSignal").asText(""));
        java.util.Map<String, String> labels = new java.util.TreeMap<>();
        config.path("Labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        assertEquals(plan.config().labels(), labels);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void theDouble_rejectsAMisspelledAttribute_asNixpkgsDoes() {
        Nix.assumeNix();
        for (String builder : List.of("buildImage", "buildLayeredImage", "streamLayeredImage")) {
            var result = Nix.evalFailing("(import " + Nix.nixPath(Nix.DOUBLE) + ").dockerTools." + builder
                    + " { name = \"x\"; copyToRot = null; }");
            assertNotEquals(0, result.exit(), builder);
            assertTrue(result.err().contains("unexpected argument 'copyToRot'"), result.err());
        }
        var both = Nix.evalFailing("(import " + Nix.nixPath(Nix.DOUBLE) + ").dockerTools.buildImage"
                + " { name = \"x\"; contents = [ ]; copyToRoot = [ ]; }");
        assertTrue(both.err().contains("You can not specify both contents and copyToRoot"), both.err());
    }

    @Test
    void aPackageNixpkgsLacks_failsEvaluation() throws Exception {
        Nix.assumeNix();
        Path spec = temp.resolve("missing.dl");
        Files.writeString(spec, "app \"web\" { binary \"/usr/bin/web\" }\nuser \"web\" uid 10001 gid 10001\n"
                + "nix { package \"no-such-package\" }\n");
        Path dir = temp.resolve("missing");
        assertEquals(0, CliRun.run(spec.toString(), "-t", "nix", "-o", dir.toString()).exit());
        var result = Nix.evalFailing("import " + Nix.nixPath(dir.resolve("default.nix")) + " { pkgs = import "
                + Nix.nixPath(Nix.DOUBLE) + "; }");
        assertNotEquals(0, result.exit());
        assertTrue(result.err().contains("attribute 'no-such-package' missing"), result.err());
    }
}
