package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.plan.ImagePlan;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Runtimes examples (docs/runtimes.md), each built with buildah as generated, with its {@code
 * docker { packages }} run by the stage's apt: Python, Node and Java from a Debian stage that
 * already holds them (made with debootstrap, cached), caddy from plain Debian whose apt installs it
 * during the build. Each is started as its user from its root filesystem, through its init where it
 * has one, and answers on 127.0.0.1, then again read-only with a tmpfs on each directory it writes
 * to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuntimesImageIT {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> built = new ArrayList<>();
    private Path rootrun;

    @AfterAll
    void removeTestImages() {
        built.forEach(Images::remove);
    }

    @BeforeEach
    void setUp() throws IOException {
        Images.assumeTools();
        if (rootrun == null) {
            rootrun = DockerfileImageIT.compileRootrun();
        }
    }

    /**
     * Also PID 1: under tini the app stops on SIGTERM; the control, python3 itself as PID 1 (the
     * image without init), ignores it, since the kernel drops signals PID 1 has no handler for.
     */
    @Test
    void python_servesWithItsStdlibCaBundleAndTzdata_throughTini() throws Exception {
        String body =
                buildAndGet(
                        "python",
                        Images.runtimes(),
                        8093,
                        Duration.ofSeconds(30),
                        image -> {
                            try (RunningApp app = image.start(rootrun)) {
                                app.awaitPort(8093, Duration.ofSeconds(30));
                                app.terminatePid1();
                                assertEquals(
                                        143,
                                        app.awaitExit(Duration.ofSeconds(10)),
                                        "tini passes SIGTERM on; python dies of it: "
                                                + app.output());
                            }
                            try (RunningApp app =
                                    image.start(rootrun, List.of(), List.of("/usr/bin/python3"))) {
                                app.awaitPort(8093, Duration.ofSeconds(30));
                                app.terminatePid1();
                                Thread.sleep(3000);
                                app.awaitPort(8093, Duration.ofSeconds(1));
                            }
                        });
        assertTrue(body.startsWith("{\"ca_certificates\": "), body);
        assertTrue(body.contains("\"python\": \"3.11."), body);
        assertTrue(
                body.matches(".*\"paris_utc_offset\": \"1:00:00\".*"),
                "tzdata is in the image: " + body);
        assertTrue(!body.contains("\"ca_certificates\": 0,"), "the CA bundle loads: " + body);
    }

    @Test
    void node_servesWithDebiansExternalizedBuiltins() throws Exception {
        String body = buildAndGet("node", Images.runtimes(), 8094, Duration.ofSeconds(30));
        assertTrue(body.startsWith("{\"node\":\"v18."), body);
    }

    /**
     * The control: without /usr/share/nodejs the image would build and abort at start; the smoke
     * test fails the build.
     */
    @Test
    void node_withoutItsBuiltins_failsTheBuildInTheSmokeTest_withNodesOwnOutput() throws Exception {
        Path dir = Files.createTempDirectory("distrogen-node-nobuiltins");
        DockerfileImageIT.copyTree(Images.root().resolve("examples/node"), dir);
        Path spec = dir.resolve("node.dl");
        Files.writeString(
                spec, Files.readString(spec).replaceAll("(?m)^\\s*(files|without) .*$", ""));
        Path context = generate(spec, Images.runtimes());
        String tag = tag("node-nobuiltins");
        Command result =
                Command.run(
                        Duration.ofMinutes(20),
                        List.of(
                                "buildah",
                                Images.STORAGE,
                                "bud",
                                "--isolation",
                                "chroot",
                                "--pull=never",
                                "--layers=false",
                                "-t",
                                tag,
                                context.toString()));
        Images.remove(tag);
        assertNotEquals(0, result.exit(), "the build fails");
        String log = result.out() + result.err();
        // The script and its line, then the step, then the builder's STEP line: short, since the
        // RUN only calls the script.
        assertTrue(
                log.matches(
                        "(?s).*\ndistrogen/smoke\\.sh:[0-9]+: smoke test: /usr/bin/node -e require\\(\"http\"\\); "
                                + "require\\(\"https\"\\) exited with status [0-9]+ .*\ndistrogen/smoke\\.sh: stopped with status 1 while running "
                                + "the smoke test\n.*"),
                log);
        assertTrue(
                log.contains(
                        "STEP \"RUN sh /distrogen/smoke.sh 10094:10094 -- /usr/bin/node -e 'require(\"http\"); "
                                + "require(\"https\")'\": exit status 1"),
                log);
        assertTrue(
                log.contains("/usr/share/nodejs"),
                "node's own output names what it misses: " + log);
    }

    @Test
    void java_servesFromTheJresLibDirectory_whoseJniLibrariesNeedLibjvm() throws Exception {
        String body = buildAndGet("java", Images.runtimes(), 8095, Duration.ofSeconds(60));
        assertTrue(body.startsWith("{\"java\":\"17."), body);
    }

    /** caddy is installed by the build stage's own apt (docker { packages }), from plain Debian. */
    @Test
    void caddy_aStaticGoProgram_installedByPackages_servesFromScratch() throws Exception {
        String body = buildAndGet("caddy", Images.plain(), 8096, Duration.ofSeconds(30));
        assertTrue(body.contains("Served by caddy, a static Go program, from scratch."), body);
    }

    // --- helpers

    /** More checks of a built image, after its GET. */
    @FunctionalInterface
    private interface ImageCheck {
        void check(MountedImage image) throws Exception;
    }

    private String buildAndGet(String example, String stage, int port, Duration startup)
            throws Exception {
        return buildAndGet(example, stage, port, startup, image -> {});
    }

    /**
     * Builds the example from {@code stage}, checks the image, starts it and returns the body of
     * GET / on {@code port}.
     */
    private String buildAndGet(
            String example, String stage, int port, Duration startup, ImageCheck after)
            throws Exception {
        Path spec = Images.root().resolve("examples/" + example + "/" + example + ".dl");
        ImagePlan plan = Compiler.compile(spec, spec.getFileName().toString()).plan().orElseThrow();
        Path context = generate(spec, stage);
        String tag = tag(example);
        double seconds = Images.build(context, tag);
        built.add(tag);
        try (MountedImage image = new MountedImage(tag)) {
            measure(example, stage, image, seconds);
            DockerfileImageIT.assertMinimalAndAsPlanned(image, plan);
            plan.app()
                    .init()
                    .ifPresent(
                            init ->
                                    assertTrue(
                                            Files.exists(image.path(init.value())),
                                            "the init is in the image"));
            String body;
            try (RunningApp app = image.start(rootrun)) {
                body = get(app, port, startup);
            }
            // As the docs and k8s targets run it: root filesystem read-only, a tmpfs on each dir it
            // writes to.
            try (RunningApp app = DockerfileImageIT.startReadOnly(image, plan, rootrun)) {
                assertEquals(
                        body.length(),
                        get(app, port, startup).length(),
                        "the same answer, read-only");
            }
            after.check(image);
            return body;
        }
    }

    private String get(RunningApp app, int port, Duration startup) throws Exception {
        app.awaitPort(port, startup);
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), app.output());
        return response.body();
    }

    static Path generate(Path spec, String stage) throws IOException {
        return Images.dockerfileContext(
                spec, Files.createTempDirectory("distrogen-runtime"), stage);
    }

    private static String tag(String name) {
        return "localhost/distrogen-test-" + name + ":run" + ProcessHandle.current().pid();
    }

    private static void measure(String example, String stage, MountedImage image, double seconds)
            throws IOException {
        long stageSize;
        try (MountedImage stageImage = new MountedImage(stage)) {
            stageSize = stageImage.size();
        }
        String row =
                String.join(
                                "\t",
                                example,
                                Long.toString(image.size()),
                                Integer.toString(image.paths().size()),
                                String.format(Locale.ROOT, "%.1f", seconds),
                                Long.toString(stageSize))
                        + "\n";
        Files.createDirectories(DockerfileImageIT.MEASUREMENTS.getParent());
        Files.writeString(
                DockerfileImageIT.MEASUREMENTS,
                row,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        System.out.print("image\t" + row);
    }
}
