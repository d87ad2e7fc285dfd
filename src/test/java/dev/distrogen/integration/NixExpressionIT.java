package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distrogen.Compiler;
import dev.distrogen.Golden;
import dev.distrogen.Tools;
import dev.distrogen.cli.CliRun;
import dev.distrogen.model.NixFunction;
import dev.distrogen.model.Platform;
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
 * double of nixpkgs whose builders take exactly the real formals. What the builder was called with
 * must be the plan: its config, and a layout that, run as fakeroot would run it, gives the plan's
 * files, owners and modes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NixExpressionIT {

    @TempDir Path temp;

    @TestFactory
    Stream<DynamicTest> everySpec_parsesEvaluatesAndDeclaresThePlan() throws IOException {
        return Golden.allSpecs().stream()
                .map(
                        spec ->
                                DynamicTest.dynamicTest(
                                        spec.getFileName().toString(), () -> assertNix(spec)));
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
        // Without platforms, dockerTools' own default (the GOARCH of pkgs); with, the one of the
        // system it is evaluated for, which defaults to this machine's.
        String currentSystem = Nix.eval("builtins.currentSystem").asText();
        assertEquals(
                plan.platforms().stream()
                        .filter(p -> p.nixSystem().equals(currentSystem))
                        .map(Platform::architecture)
                        .findFirst()
                        .orElse(null),
                args.path("architecture").isMissingNode()
                        ? null
                        : args.path("architecture").asText());
        assertTrue(
                args.path("created").isMissingNode(),
                "created is left to its reproducible default");
        JsonNode packageEnv =
                function == NixFunction.BUILD_IMAGE
                        ? args.path("copyToRoot")
                        : args.path("contents").path(0);
        assertTrue(
                args.path("contents").isMissingNode() || function != NixFunction.BUILD_IMAGE,
                "never contents with buildImage");
        assertEquals("buildEnv", packageEnv.path("builder").asText());

        String packagePath =
                Nix.eval(
                                "(import "
                                        + Nix.nixPath(Nix.DOUBLE)
                                        + ")."
                                        + plan.nix().packageAttr()
                                        + ".outPath")
                        .asText();
        assertEquals(packagePath, packageEnv.path("args").path("paths").path(0).asText());
        List<String> entrypoint = new java.util.ArrayList<>();
        if (plan.nix().init().isPresent()) {
            // The init: nixpkgs' tini, pulled into the image by the reference in the config.
            entrypoint.add(
                    Nix.eval("(import " + Nix.nixPath(Nix.DOUBLE) + ").tini.outPath").asText()
                            + "/bin/tini");
            entrypoint.add("--");
        }
        entrypoint.add(packagePath + "/" + plan.nix().binary());
        assertEquals(entrypoint, strings(args.path("config").path("Entrypoint")));
        assertConfig(args.path("config"), plan);

        JsonNode layoutOwner = function == NixFunction.BUILD_IMAGE ? args.path("fromImage") : call;
        if (function == NixFunction.BUILD_IMAGE) {
            assertEquals(
                    "buildLayeredImage",
                    layoutOwner.path("builder").asText(),
                    "the layout layer is made with fakeroot");
        }
        String layout = layoutOwner.path("args").path("fakeRootCommands").asText();
        assertLayers(args, function, layout);
        Tools.requireRoot("running the layout needs root for chown");
        Path layer = Files.createTempDirectory(temp, "layer");
        Nix.runLayout(layout, layer);
        TreeAssertions.assertLaidOutAsPlanned(layer, plan);
        assertSbom(layout, plan);
    }

    /**
     * The layered builders get maxLayers (nixpkgs' 100, said out loud), and the files the layout
     * copies (configs, accounts, the SBOM) reach the image only through it, the top layer: neither
     * contents nor config names them, so no store layer holds them and a new config changes the top
     * layer only.
     */
    private static void assertLayers(JsonNode args, NixFunction function, String layout) {
        if (function == NixFunction.BUILD_IMAGE) {
            assertTrue(args.path("maxLayers").isMissingNode(), "buildImage has no maxLayers");
            return;
        }
        assertEquals(100, args.path("maxLayers").asInt(), args.toString());
        var copied =
                java.util.regex.Pattern.compile("(?m)^cp (/nix/store/[^ ]+) '").matcher(layout);
        int files = 0;
        while (copied.find()) {
            files++;
            assertTrue(
                    !args.path("contents").toString().contains(copied.group(1))
                            && !args.path("config").toString().contains(copied.group(1)),
                    copied.group(1) + " is copied by the layout only");
        }
        assertTrue(files >= 3, "the accounts at least: " + layout);
    }

    /**
     * The layout copies the SBOM into the image; its build command (which the double's runCommand
     * leaves in the store), run here, lists the closure that writeClosure gives, each store path's
     * name and version as Nix's own builtins.parseDrvName splits them.
     */
    private void assertSbom(String layout, ImagePlan plan) throws Exception {
        var copy =
                java.util.regex.Pattern.compile(
                                "cp (/nix/store/[^ ]+-sbom) '\\."
                                        + dev.distrogen.plan.ImagePlan.SBOM_PATH.replace(".", "\\.")
                                        + "'")
                        .matcher(layout);
        assertEquals(plan.sbom(), copy.find(), layout);
        if (!plan.sbom()) {
            return;
        }
        Path out = temp.resolve("sbom-" + plan.name().replace('/', '-') + ".json");
        ProcessBuilder build =
                new ProcessBuilder("sh", "-e", copy.group(1)).redirectErrorStream(true);
        build.environment().put("out", out.toString());
        Process p = build.start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        JsonNode sbom = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile());
        assertEquals("CycloneDX", sbom.path("bomFormat").asText());
        List<String> components = new ArrayList<>();
        sbom.path("components")
                .forEach(
                        c ->
                                components.add(
                                        c.path("name").asText()
                                                + " "
                                                + c.path("version").asText("")));
        JsonNode expected =
                Nix.eval(
                        "let pkgs = import "
                                + Nix.nixPath(Nix.DOUBLE)
                                + "; paths = builtins.filter (l: builtins.isString l"
                                + " && l != \"\") (builtins.split \"\\n\" (builtins.readFile (pkgs.writeClosure [ pkgs."
                                + plan.nix().packageAttr()
                                + " ]))); in map (p: let d = builtins.parseDrvName (builtins.substring 44 (-1) p); in d.name + \" \" + d.version) paths");
        assertEquals(strings(expected).stream().sorted().toList(), components);
        assertTrue(components.size() >= 2, "the package and its dependencies: " + components);
    }

    /**
     * The config as the plan says: the keys are OCI's, case-sensitive, since dockerTools passes
     * config through.
     */
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
        config.path("Labels")
                .properties()
                .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        assertEquals(plan.config().labels(), labels);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /**
     * {@code builder nix}'s collection RUN, joined as Docker joins it, run with this machine's
     * nix-store on a real store path with a reference (in place of the profile nix-env would make):
     * the SBOM it writes lists that path's closure, names and versions split as Nix does.
     */
    @Test
    void builderNix_collectionRun_writesTheClosuresSbom() throws Exception {
        Nix.assumeNix();
        Tools.requireOnPath("the builder nix test queries a real store", "nix-store");
        JsonNode paths =
                Nix.eval(
                        "let dep = builtins.toFile \"distrogen-dep-1.0\" \"x\"; in [ dep (builtins.toFile "
                                + "\"distrogen-app-2.1\" \"uses ${dep}\") ]");
        String app = paths.get(1).asText();
        Path spec = Golden.root().resolve("examples/nginx-nixpkgs/nginx.dl");
        ImagePlan plan = Compiler.compile(spec, "nginx.dl").plan().orElseThrow();
        GeneratedDockerfile docker =
                new GeneratedDockerfile(
                        new dev.distrogen.backend.dockerfile.DockerfileBackend()
                                .generate(
                                        new dev.distrogen.backend.GenerationRequest(
                                                plan, "nginx.dl", false))
                                .get(0)
                                .text());
        assertTrue(
                docker.buildStage.contains(
                        new GeneratedDockerfile.Instruction(
                                "RUN",
                                "sh /distrogen/nix-collect.sh --sbom "
                                        + dev.distrogen.plan.ImagePlan.SBOM_PATH
                                        + " nginx")),
                docker.buildStage.toString());
        Path root = temp.resolve("nix-builder-root");
        // The stage's nix-collect.sh with the SBOM step alone, for the profile of a real store
        // path.
        Command result =
                Command.run(
                        java.time.Duration.ofMinutes(1),
                        List.of(
                                "sh",
                                "-c",
                                "DG_DIR=$3; DG_LIBRARY=1; "
                                        + ". \"$DG_DIR/nix-collect.sh\"; R=$1; DG_PROFILE=$2; dg_nix_sbom "
                                        + dev.distrogen.plan.ImagePlan.SBOM_PATH,
                                "sh",
                                root.toString(),
                                app,
                                Golden.root()
                                        .resolve("src/main/resources/dev/distrogen/scripts")
                                        .toString()));
        assertEquals(0, result.exit(), result.out() + result.err());
        JsonNode sbom =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(
                                root.resolve(dev.distrogen.plan.ImagePlan.SBOM_PATH.substring(1))
                                        .toFile());
        List<String> components = new ArrayList<>();
        sbom.path("components")
                .forEach(
                        c ->
                                components.add(
                                        c.path("name").asText()
                                                + " "
                                                + c.path("version").asText()
                                                + " "
                                                + c.path("purl").asText()
                                                + " "
                                                + c.path("bom-ref").asText()));
        assertEquals(
                List.of(
                        "distrogen-app 2.1 pkg:nix/distrogen-app@2.1 " + app,
                        "distrogen-dep 1.0 pkg:nix/distrogen-dep@1.0 " + paths.get(0).asText()),
                components);
    }

    /**
     * With {@code platforms} the expression builds for the system it is given: nixpkgs is imported
     * for that system, the image config gets its architecture, and a system the spec does not name
     * is refused with a message that names the ones it does.
     */
    @Test
    void platforms_eachSystemImportsItsNixpkgs_andGetsItsArchitecture() throws Exception {
        Nix.assumeNix();
        Path spec = temp.resolve("platforms.dl");
        Files.writeString(
                spec,
                "app \"nginx\" { binary \"/usr/sbin/nginx\" }\nuser \"web\" uid 10001 gid 10001\n"
                        + "nix { binary \"bin/nginx\" }\n"
                        + "platforms \"linux/amd64\" \"linux/arm64\" \"linux/arm/v7\"\n");
        Path dir = temp.resolve("platforms");
        assertEquals(0, CliRun.run(spec.toString(), "-t", "nix", "-o", dir.toString()).exit());
        String expression = Nix.nixPath(dir.resolve("default.nix"));
        Path nixpkgs = temp.resolve("nixpkgs.nix");
        Files.writeString(nixpkgs, "args: throw (\"nixpkgs \" + builtins.toJSON args)\n");
        for (Platform platform :
                List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64, Platform.LINUX_ARM_V7)) {
            JsonNode call =
                    Nix.eval(
                            "import "
                                    + expression
                                    + " { system = \""
                                    + platform.nixSystem()
                                    + "\"; pkgs = import "
                                    + Nix.nixPath(Nix.DOUBLE)
                                    + "; }");
            assertEquals(platform.architecture(), call.path("args").path("architecture").asText());
            // The default pkgs: the pinned nixpkgs, imported for that system (a stand-in for the
            // tarball reports what it is called with).
            var imported =
                    Nix.evalFailing(
                            "scopedImport { builtins = builtins // { fetchTarball = args: "
                                    + Nix.nixPath(nixpkgs)
                                    + "; }; } "
                                    + expression
                                    + " { system = \""
                                    + platform.nixSystem()
                                    + "\"; }");
            assertTrue(
                    imported.err()
                            .contains("nixpkgs {\"system\":\"" + platform.nixSystem() + "\"}"),
                    imported.err());
        }
        var refused =
                Nix.evalFailing(
                        "import "
                                + expression
                                + " { system = \"riscv64-linux\"; pkgs = import "
                                + Nix.nixPath(Nix.DOUBLE)
                                + "; }");
        assertNotEquals(0, refused.exit());
        assertTrue(
                refused.err()
                        .contains(
                                "this image is built for x86_64-linux, aarch64-linux, armv7l-linux, not riscv64-linux"),
                refused.err());
    }

    @Test
    void theDouble_rejectsAMisspelledAttribute_asNixpkgsDoes() {
        Nix.assumeNix();
        for (String builder : List.of("buildImage", "buildLayeredImage", "streamLayeredImage")) {
            var result =
                    Nix.evalFailing(
                            "(import "
                                    + Nix.nixPath(Nix.DOUBLE)
                                    + ").dockerTools."
                                    + builder
                                    + " { name = \"x\"; copyToRot = null; }");
            assertNotEquals(0, result.exit(), builder);
            assertTrue(result.err().contains("unexpected argument 'copyToRot'"), result.err());
        }
        var both =
                Nix.evalFailing(
                        "(import "
                                + Nix.nixPath(Nix.DOUBLE)
                                + ").dockerTools.buildImage"
                                + " { name = \"x\"; contents = [ ]; copyToRoot = [ ]; }");
        assertTrue(
                both.err().contains("You can not specify both contents and copyToRoot"),
                both.err());
    }

    @Test
    void aPackageNixpkgsLacks_failsEvaluation() throws Exception {
        Nix.assumeNix();
        Path spec = temp.resolve("missing.dl");
        Files.writeString(
                spec,
                "app \"web\" { binary \"/usr/bin/web\" }\nuser \"web\" uid 10001 gid 10001\n"
                        + "nix { package \"no-such-package\" }\n");
        Path dir = temp.resolve("missing");
        assertEquals(0, CliRun.run(spec.toString(), "-t", "nix", "-o", dir.toString()).exit());
        var result =
                Nix.evalFailing(
                        "import "
                                + Nix.nixPath(dir.resolve("default.nix"))
                                + " { pkgs = import "
                                + Nix.nixPath(Nix.DOUBLE)
                                + "; }");
        assertNotEquals(0, result.exit());
        assertTrue(result.err().contains("attribute 'no-such-package' missing"), result.err());
    }

    /**
     * Without a {@code pkgs} argument, real Nix fetches the pinned nixpkgs: fetchTarball (replaced
     * here, through scopedImport, by one that reports its arguments) gets the commit's tarball and
     * its hash, the default's or the spec's.
     */
    @Test
    void theDefaultPkgs_isNixpkgsPinnedByCommitAndHash() throws Exception {
        Nix.assumeNix();
        Path spec = temp.resolve("pinned.dl");
        String commit = "0123456789abcdef0123456789abcdef01234567";
        String hash = "0".repeat(52);
        for (String nix :
                List.of("", "nix { nixpkgs \"" + commit + "\" sha256 \"" + hash + "\" }\n")) {
            Files.writeString(
                    spec,
                    "app \"web\" { binary \"/usr/bin/web\" }\nuser \"web\" uid 10001 gid 10001\n"
                            + nix);
            Path dir = temp.resolve(nix.isEmpty() ? "default-pin" : "own-pin");
            assertEquals(0, CliRun.run(spec.toString(), "-t", "nix", "-o", dir.toString()).exit());
            var result =
                    Nix.evalFailing(
                            "scopedImport { builtins = builtins // { fetchTarball = args: "
                                    + "throw \"fetchTarball ${builtins.toJSON args}\"; }; } "
                                    + Nix.nixPath(dir.resolve("default.nix"))
                                    + " { }");
            String expected =
                    nix.isEmpty()
                            ? "{\"sha256\":\"1lr1h35prqkd1mkmzriwlpvxcb34kmhc9dnr48gkm8hh089hifmx\",\"url\":"
                                    + "\"https://github.com/NixOS/nixpkgs/archive/5646423bfac84ec68dfc60f2a322e627ef0d6a95.tar.gz\"}"
                            : "{\"sha256\":\""
                                    + hash
                                    + "\",\"url\":\"https://github.com/NixOS/nixpkgs/archive/"
                                    + commit
                                    + ".tar.gz\"}";
            assertTrue(result.err().contains("fetchTarball " + expected), result.err());
        }
    }
}
