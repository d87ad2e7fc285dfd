package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distrogen.Tools;
import dev.distrogen.Compiler;
import dev.distrogen.backend.GenerationRequest;
import dev.distrogen.backend.Overrides;
import dev.distrogen.backend.dockerfile.DockerfileBackend;
import dev.distrogen.cli.CliRun;
import dev.distrogen.model.DockerBuilder;
import dev.distrogen.model.Spec;
import dev.distrogen.plan.ImagePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Dockerfile and the Nix expression describe the same image. For every example, the config
 * each declares and the file tree each one's layout step makes (run for real, as root) must be
 * identical, but for the differences the targets document (docs/targets.md, "Dockerfile and Nix"):
 * <ul>
 *   <li>Entrypoint: the program of the build stage in the Dockerfile, the nix package's in Nix
 *       (with an init: [init, "--", program], the build stage's init, nixpkgs' tini);
 *   <li>WorkingDir: the Dockerfile always sets it, "/" when the spec does not (so a base image
 *       cannot hand down its own); Nix leaves it unset then, which runtimes take as "/".
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetParityTest {

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> dockerfileAndNix_declareTheSameImage() throws IOException {
        return dev.distrogen.Golden.allSpecs().stream()
                .map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> assertSameImage(spec)));
    }

    private void assertSameImage(Path spec) throws Exception {
        // In each dynamic test: a skip before the factory runs would not be counted at all.
        Nix.assumeNix();
        Tools.requireRoot("comparing the layouts needs root for chown");
        ImagePlan plan = Compiler.compile(spec, spec.getFileName().toString()).plan().orElseThrow();
        GeneratedDockerfile docker = new GeneratedDockerfile(new DockerfileBackend()
                .generate(new GenerationRequest(plan, spec.getFileName().toString(), false,
                        new Overrides(Optional.of("localhost/builder:1"), Optional.empty()))).get(0).text());
        Path nixDir = Files.createTempDirectory(temp, "nix");
        assertEquals(0, CliRun.run(spec.toString(), "-t", "nix", "-o", nixDir.toString()).exit());
        JsonNode call = Nix.callWithDouble(nixDir);
        JsonNode args = call.path("args");
        JsonNode nix = args.path("config");

        assertEquals(docker.one("USER"), nix.path("User").asText(), "User");
        assertEquals(docker.json("CMD"), NixExpressionTest.strings(nix.path("Cmd")), "Cmd");
        assertEquals(docker.env(), NixExpressionTest.strings(nix.path("Env")), "Env");
        assertEquals(docker.all("EXPOSE"), fieldNames(nix.path("ExposedPorts")), "ExposedPorts");
        assertEquals(docker.one("STOPSIGNAL"), nix.path("StopSignal").asText(""), "StopSignal");
        assertEquals(new TreeMap<>(docker.labels()), labels(nix.path("Labels")), "Labels");
        // Documented: the Dockerfile says "/" where Nix leaves WorkingDir unset.
        assertEquals(docker.workdir(), nix.path("WorkingDir").asText("/"), "WorkingDir");
        // Documented: each target starts its own build of the program, with no argument of its own:
        // the spec's binary from the build stage, or (builder nix) the same program as the Nix
        // image's, under nix-env's /usr/local profile.
        // With an init, both are [init, "--", program]: the spec's init from the build stage (builder
        // nix: nixpkgs' tini under /usr/local), and nixpkgs' tini in Nix.
        List<String> nixEntrypoint = NixExpressionTest.strings(nix.path("Entrypoint"));
        String nixProgram = nixEntrypoint.get(nixEntrypoint.size() - 1);
        String inPackage = nixProgram.replaceFirst("^/nix/store/[^/]+/", "");
        Spec model = Compiler.compile(spec, spec.getFileName().toString()).spec().orElseThrow();
        boolean nixBuilder = plan.docker().builder() == DockerBuilder.NIX;
        String expected = nixBuilder ? "/usr/local/" + inPackage : model.app().orElseThrow().binary().orElseThrow().value();
        var init = model.app().orElseThrow().init();
        if (init.isPresent()) {
            assertEquals(3, nixEntrypoint.size(), "Entrypoint");
            assertEquals("--", nixEntrypoint.get(1));
            assertEquals(List.of(nixBuilder ? "/usr/local/bin/tini" : init.get().value(), "--", expected), docker.json("ENTRYPOINT"));
            assertEquals("bin/tini", nixEntrypoint.get(0).replaceFirst("^/nix/store/[^/]+-tini-[^/]+/", ""), "nixpkgs' tini");
        } else {
            assertEquals(1, nixEntrypoint.size(), "Entrypoint");
            assertEquals(List.of(expected), docker.json("ENTRYPOINT"), "ENTRYPOINT");
        }

        Path dockerTree = Files.createTempDirectory(temp, "docker");
        dockerLayout(docker, spec.getParent(), dockerTree);
        Path nixTree = Files.createTempDirectory(temp, "layer");
        JsonNode layoutCall = args.has("fromImage") ? args.path("fromImage") : call;
        Nix.runLayout(layoutCall.path("args").path("fakeRootCommands").asText(), nixTree);
        Map<String, String> dockerFiles = describe(dockerTree);
        Map<String, String> nixFiles = describe(nixTree);
        // Documented: the scanners' metadata differs by design. The Dockerfile's comes from the
        // build stage's package database in its collection step; Nix's layout copies its SBOM.
        String sbom = dev.distrogen.plan.ImagePlan.SBOM_PATH;
        assertEquals(plan.sbom(), nixFiles.containsKey(sbom), "the Nix layout copies the SBOM");
        nixFiles.keySet().removeIf(path -> path.equals(sbom) || !dockerFiles.containsKey(path) && sbom.startsWith(path + "/"));
        assertEquals(dockerFiles, nixFiles, "the files, owners and modes each target lays out");
    }

    /** The Dockerfile's layout RUN with its root in {@code tree}, then its COPY --chown --chmod of config files. */
    private static void dockerLayout(GeneratedDockerfile docker, Path specDir, Path tree) throws Exception {
        Files.createDirectories(tree);
        String script = docker.layoutScript().replace("R=/distrogen/root;", "R='" + tree + "';");
        Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        for (GeneratedDockerfile.Copy copy : docker.copies()) {
            Path target = tree.resolve(copy.destination().substring(1));
            Files.copy(specDir.resolve(copy.source()), target);
            String[] owner = copy.owner().split(":");
            Files.setAttribute(target, "unix:uid", Integer.parseInt(owner[0]));
            Files.setAttribute(target, "unix:gid", Integer.parseInt(owner[1]));
            Files.setAttribute(target, "unix:mode", Integer.parseInt(copy.mode(), 8));
        }
    }

    /** Every path of a tree with its type, owner, mode and, for files, content. */
    private static Map<String, String> describe(Path tree) throws IOException {
        Map<String, String> description = new TreeMap<>();
        try (Stream<Path> all = Files.walk(tree)) {
            for (Path p : all.filter(p -> !p.equals(tree)).toList()) {
                String kind = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir" : "file " + Files.readString(p);
                description.put("/" + tree.relativize(p), TreeAssertions.ownerAndMode(p) + " " + kind);
            }
        }
        return description;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new TreeMap<>();
        node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
