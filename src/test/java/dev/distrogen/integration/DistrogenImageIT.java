package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.cli.CliRun;
import dev.distrogen.plan.ImagePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * distrogen's own image, from its own spec (examples/distrogen): a build stage with Debian's Java
 * runtime, the jar this build made (so it runs after package) and the example's native launcher;
 * the image built from the generated Dockerfile, then run as `docker run IMAGE ARGS` would.
 */
class DistrogenImageIT {

    private static final Path EXAMPLE = Images.root().resolve("examples/distrogen");
    private final List<String> tagged = new ArrayList<>();

    @BeforeEach
    void requireTools() {
        Images.assumeTools();
    }

    @AfterEach
    void removeImages() {
        tagged.forEach(Images::remove);
    }

    @Test
    void distrogensImage_runsFromScratch_printsItsVersion_andGeneratesFromAMountedSpec()
            throws Exception {
        Path jar = Images.root().resolve("target/distrogen.jar");
        assertTrue(Files.isRegularFile(jar), "mvn package makes " + jar);
        String pid = "run" + ProcessHandle.current().pid();

        Path stage = Files.createTempDirectory("distrogen-stage");
        Files.copy(jar, stage.resolve("distrogen.jar"));
        Command.check(
                Duration.ofMinutes(2),
                "gcc",
                "-O2",
                "-Wall",
                "-Wextra",
                "-Werror",
                "-o",
                stage.resolve("distrogen").toString(),
                EXAMPLE.resolve("launcher.c").toString());
        Files.writeString(
                stage.resolve("Dockerfile"),
                "FROM "
                        + Images.jreBuilder()
                        + "\n"
                        + "COPY distrogen.jar /opt/distrogen/distrogen.jar\nCOPY distrogen /usr/local/bin/distrogen\n");
        String buildStage = "localhost/distrogen-test-distrogen-build:" + pid;
        Images.build(stage, buildStage);
        tagged.add(buildStage);

        Path context = Files.createTempDirectory("distrogen-self");
        Path spec = EXAMPLE.resolve("distrogen.dl");
        CliRun generate =
                CliRun.run(
                        spec.toString(),
                        "--target",
                        "dockerfile",
                        "-o",
                        context.toString(),
                        "--from",
                        buildStage);
        assertEquals(0, generate.exit(), generate.err());
        String image = "localhost/distrogen-test-distrogen:" + pid;
        Images.build(context, image);
        tagged.add(image);
        Command.check(Duration.ofMinutes(1), "rm", "-rf", stage.toString(), context.toString());

        ImagePlan plan = Compiler.compile(spec, "distrogen.dl").plan().orElseThrow();
        Path rootrun = DockerfileImageIT.compileRootrun();
        try (MountedImage mounted = new MountedImage(image)) {
            DockerfileImageIT.assertMinimalAndAsPlanned(mounted, plan);
            try (RunningApp version = mounted.run(rootrun, List.of(), List.of("--version"))) {
                assertEquals(0, version.awaitExit(Duration.ofMinutes(2)), version.output());
                assertEquals(
                        "distrogen " + System.getProperty("distrogen.version") + "\n",
                        version.output());
            }
            // The user's folder, as docker run -v "$PWD:/work" gives it: here copied into the
            // image's /work.
            Path nginx = Images.root().resolve("examples/nginx");
            for (String file : List.of("nginx.dl", "nginx.conf", "index.html")) {
                Files.copy(nginx.resolve(file), mounted.path("/work/" + file));
            }
            try (RunningApp nix =
                    mounted.run(rootrun, List.of(), List.of("nginx.dl", "--target", "nix"))) {
                assertEquals(0, nix.awaitExit(Duration.ofMinutes(2)), nix.output());
                assertEquals(
                        Files.readString(nginx.resolve("generated/nix/default.nix")), nix.output());
            }
        }
    }
}
