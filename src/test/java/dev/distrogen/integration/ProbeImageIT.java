package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.cli.CliRun;
import dev.distrogen.integration.Images.Build;
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
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The build-time probe (docker { probe }), with buildah: an app none of the examples is
 * (probe-server, src/test/resources/integration/probe) must serve from the collected root before
 * the image exists, or the build fails with its own output; the trace finds the plugin it loads
 * only when it serves. Each spec is written here, on a port of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbeImageIT {

    static final Path MEASUREMENTS = Images.root().resolve("target/probe-measurements.tsv");

    private static final String PLUGIN = "/usr/lib/probe-plugins/libgreeting.so";

    private String stage;
    private Path rootrun;
    private final List<String> built = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        Images.assumeTools();
        if (stage == null) {
            stage = Images.probeServerBuilder();
            rootrun = DockerfileImageIT.compileRootrun();
        }
    }

    @AfterAll
    void removeTestImages() {
        built.forEach(Images::remove);
    }

    /**
     * (a) The app serves from the root, its config file and plugin there: the probe passes as the
     * image's user, and the image serves the same. Built again with probe off, the difference is
     * what the probe costs.
     */
    @Test
    void anAppThatServes_passesTheProbe_andTheImageServes() throws Exception {
        int port = 18481;
        String spec = spec(port, "libs \"/usr/lib/probe-plugins\"", "--plugin", PLUGIN);
        Attempt probed = attempt("served", spec, "", List.of());
        assertTrue(probed.passed(), probed.log());
        assertEquals(
                1,
                lines(
                                probed.log(),
                                Pattern.quote(
                                                "distrogen: probe: GET /healthz on port "
                                                        + port
                                                        + " answered 3 times (sent with ")
                                        + "[a-z0-9]+"
                                        + Pattern.quote(", as 10481:10481); stopped with SIGTERM"))
                        .size(),
                probed.log());
        // buildah without CAP_MKNOD: one line says what the program ran without, and how to give
        // it.
        List<String> skipped = lines(probed.log(), "distrogen: probe: this build step may not .*");
        assertEquals(1, skipped.size(), probed.log());
        assertTrue(skipped.get(0).contains("buildah bud --cap-add CAP_MKNOD"), skipped.get(0));
        try (MountedImage image = new MountedImage(probed.tag())) {
            for (String left : List.of("/dev", "/proc", "/distrogen")) {
                assertTrue(Files.notExists(image.path(left)), left + " is left in the image");
            }
            assertEquals(
                    "served from the config\n",
                    Files.readString(image.path("/etc/probe-server.conf")),
                    "the config file arrives through the root");
            try (RunningApp app = image.start(rootrun)) {
                app.awaitPort(port, Duration.ofSeconds(20));
                assertEquals("HELLO FROM THE PLUGIN\n", get(port), app.output());
            }
        }
        Attempt unprobed = attempt("served-off", withProbe("off", spec), "", List.of());
        assertTrue(unprobed.passed(), unprobed.log());
        assertTrue(lines(unprobed.log(), "distrogen: probe.*").isEmpty(), unprobed.log());
        Files.createDirectories(MEASUREMENTS.getParent());
        Files.writeString(
                MEASUREMENTS,
                String.format(
                        java.util.Locale.ROOT,
                        "probe-server\tprobe on %.1f s\tprobe off %.1f s\tthe probe adds %.1f s%n",
                        probed.seconds(),
                        unprobed.seconds(),
                        probed.seconds() - unprobed.seconds()),
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /**
     * (b) The plugin is not in the root (no libs): the worker aborts on the first request, nothing
     * answers, and the build fails with the app's own message.
     */
    @Test
    void withoutThePluginItLoadsWhenServing_theBuildFails_withTheAppsOwnMessage() throws Exception {
        int port = 18482;
        Attempt broken = attempt("broken", spec(port, "", "--plugin", PLUGIN), "", List.of());
        assertFalse(broken.passed(), broken.log());
        assertTrue(
                broken.log()
                        .contains(
                                "probe-server: cannot load "
                                        + PLUGIN
                                        + ": "
                                        + PLUGIN
                                        + ": cannot open shared object file: No such file or directory"),
                broken.log());
        assertTrue(
                Pattern.compile(
                                "distrogen/probe\\.sh:"
                                        + probeLine("dg_die probe-failed ")
                                        + ": probe: GET /healthz on port "
                                        + port
                                        + ": no answer after 30s \\(the program ran in the image's root as 10481:10481,")
                        .matcher(broken.log())
                        .find(),
                broken.log());
    }

    /**
     * A worker that dies while the app goes on answering (its parent starts another): the build
     * fails, naming the process that died, with the app's output.
     */
    @Test
    void aWorkerThatDiesWhileServing_failsTheBuild() throws Exception {
        int port = 18487;
        Attempt crashing = attempt("crashing", spec(port, "", "--crash-after", "2"), "", List.of());
        assertFalse(crashing.passed(), crashing.log());
        assertTrue(
                crashing.log().contains("was gone at the last, pid ")
                        && crashing.log().contains("(probe-server): it died while it served"),
                crashing.log());
        assertTrue(crashing.log().contains("crashes after 2 answers"), crashing.log());
    }

    /**
     * (c) An Alpine-like stage, busybox only: its nc sends a TCP check, its chroot runs as root.
     */
    @Test
    void anAlpineLikeBusyboxStage_probesOverTcp() throws Exception {
        Path hello = Images.root().resolve("src/test/resources/integration/musl/hello.dl");
        String spec =
                Files.readString(hello)
                        .replace("\"8090\"", "\"18488\"")
                        .replace("port 8090", "port 18488\nhealth tcp 18488");
        Attempt musl = attempt("musl", spec, Images.alpineLike(), List.of());
        assertTrue(musl.passed(), musl.log());
        assertEquals(
                List.of(
                        "distrogen: probe: a TCP connection to port 18488 answered 3 times (sent with nc, as 0:0); stopped with SIGTERM"),
                lines(musl.log(), "distrogen: probe: a TCP.*"),
                musl.log());
        assertEquals(
                List.of(
                        "distrogen: this build stage's chroot (busybox) cannot change user: the probe runs as root, not as 10090:10090"),
                lines(musl.log(), "distrogen: this build stage's chroot.*"),
                musl.log());
    }

    /**
     * (d) A program that reads /dev/urandom and writes /dev/null at start: with mknod allowed the
     * probe gives it the nodes (and none stays in the image); without, the line says how, and the
     * build fails with the app's message.
     */
    @Test
    void aProgramThatNeedsDevNodes_getsThemWhereMknodIsAllowed() throws Exception {
        int port = 18484;
        String spec = spec(port, "", "--need-dev");
        Attempt allowed = attempt("dev", spec, "", List.of("--cap-add", "CAP_MKNOD"));
        assertTrue(allowed.passed(), allowed.log());
        assertEquals(
                List.of(
                        "distrogen: probe: this build step may not mount, so the program runs without /proc"
                                + " (/dev/stdout and /dev/stderr are files, shown with its output)"),
                lines(allowed.log(), "distrogen: probe: this build step.*"),
                allowed.log());
        try (MountedImage image = new MountedImage(allowed.tag())) {
            assertTrue(Files.notExists(image.path("/dev")), "no device node stays in the image");
        }
        Attempt refused = attempt("dev-refused", spec, "", List.of());
        assertFalse(refused.passed(), refused.log());
        assertTrue(
                refused.log()
                        .contains("\nprobe-server: cannot read /dev/urandom or write /dev/null: "),
                refused.log());
        assertTrue(
                refused.log()
                                .contains(
                                        "so the program runs without /dev/null /dev/zero /dev/full /dev/random /dev/urandom"
                                                + " /dev/tty /proc")
                        && refused.log().contains("build with buildah bud --cap-add CAP_MKNOD"),
                refused.log());
        // The failure itself says what the program lacked, and the two ways out.
        assertTrue(
                refused.log()
                        .contains(
                                "; it ran without /dev/null /dev/zero /dev/full /dev/random /dev/urandom"
                                        + " /dev/tty /proc: if that is why, build with buildah bud --cap-add"
                                        + " CAP_MKNOD; a program this build step cannot probe: docker { probe off })"),
                refused.log());
    }

    /** (e) probe off: the same broken spec builds, with no probe in its Dockerfile or log. */
    @Test
    void probeOff_leavesTheProbeOut() throws Exception {
        int port = 18485;
        String spec = withProbe("off", spec(port, "", "--plugin", PLUGIN));
        Attempt off = attempt("off", spec, "", List.of());
        assertTrue(off.passed(), off.log());
        assertFalse(Files.readString(off.context().resolve("Dockerfile")).contains("probe.sh"));
        assertTrue(lines(off.log(), "distrogen: (probe|trace).*").isEmpty(), off.log());
    }

    /**
     * (f) probe trace: the plugin the app loads only when it serves, missing from libs, is found by
     * the trace, brought with the library it needs, and the image serves with it.
     */
    @Test
    void probeTrace_findsThePluginLoadedWhenServing_andTheImageWorks() throws Exception {
        int port = 18486;
        String spec = withProbe("trace", spec(port, "", "--plugin", PLUGIN));
        Attempt traced = attempt("trace", spec, "", List.of());
        assertTrue(traced.passed(), traced.log());
        assertEquals(
                List.of(
                        "distrogen: trace: added "
                                + PLUGIN
                                + ", loaded by /usr/local/bin/probe-server (dlopen) while serving"),
                lines(traced.log(), "distrogen: trace: added .*"),
                traced.log());
        assertTrue(
                traced.log()
                        .contains(
                                "distrogen: trace: 1 shared objects it loaded were not in the root, added with their closure"),
                traced.log());
        assertTrue(
                lines(
                                        traced.log(),
                                        "distrogen: probe: GET /healthz on port "
                                                + port
                                                + " answered 3 times.*")
                                .size()
                        == 1,
                traced.log());
        try (MountedImage image = new MountedImage(traced.tag())) {
            assertTrue(Files.isRegularFile(image.path(PLUGIN)), "the plugin");
            assertTrue(
                    Files.isRegularFile(image.path("/usr/lib/probe-shout/libshout.so.1")),
                    "the library the plugin needs, by its closure");
            try (RunningApp app = image.start(rootrun)) {
                app.awaitPort(port, Duration.ofSeconds(20));
                assertEquals("HELLO FROM THE PLUGIN\n", get(port), app.output());
            }
        }
    }

    // --- helpers

    /** probe-server's spec on {@code port}, with {@code appSettings} and more args. */
    private static String spec(int port, String appSettings, String... args) {
        StringBuilder words =
                new StringBuilder("\"" + port + "\" \"--config\" \"/etc/probe-server.conf\"");
        for (String arg : args) {
            words.append(" \"").append(arg).append('"');
        }
        return String.join(
                "\n",
                "image \"probe-server\" tag \"1\"",
                "app \"probe-server\" {",
                "    binary \"/usr/local/bin/probe-server\"",
                "    args " + words,
                "    " + appSettings,
                "    stop \"SIGTERM\"",
                "}",
                "user \"probe\" uid 10481 gid 10481",
                "config \"/etc/probe-server.conf\" from \"probe-server.conf\"",
                "port " + port,
                "health http \"/healthz\" port " + port,
                "docker {",
                "    base scratch",
                "}",
                "");
    }

    /** {@code spec} with docker { probe SETTING }. */
    private static String withProbe(String setting, String spec) {
        return spec.replace("docker {", "docker {\n    probe " + setting);
    }

    record Attempt(boolean passed, String log, String tag, double seconds, Path context) {}

    /**
     * Generates the Dockerfile of {@code spec} (probe-server's stage unless {@code buildStage}
     * names one) and builds it with buildah; a failed build is returned, not thrown.
     */
    private Attempt attempt(String name, String spec, String buildStage, List<String> options)
            throws Exception {
        Path dir = Files.createTempDirectory("distrogen-probe-" + name);
        Path specFile = dir.resolve(name + ".dl");
        Files.writeString(specFile, spec);
        Files.writeString(dir.resolve("probe-server.conf"), "served from the config\n");
        Path context = dir.resolve("out");
        CliRun run =
                CliRun.run(
                        specFile.toString(),
                        "--target",
                        "dockerfile",
                        "-o",
                        context.toString(),
                        "--from",
                        buildStage.isEmpty() ? stage : buildStage);
        assertEquals(0, run.exit(), run.err());
        String tag = "localhost/probe-it-" + name + ":run" + ProcessHandle.current().pid();
        built.add(tag);
        try {
            Build build = Images.buildLogged(context, tag, options);
            return new Attempt(true, build.log(), tag, build.seconds(), context);
        } catch (AssertionError failed) {
            return new Attempt(false, failed.getMessage(), tag, 0, context);
        }
    }

    private static List<String> lines(String log, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return log.lines().filter(l -> pattern.matcher(l).matches()).toList();
    }

    private static int probeLine(String text) throws IOException {
        List<String> lines =
                Files.readAllLines(
                        Images.root().resolve("src/main/resources/dev/distrogen/scripts/probe.sh"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in probe.sh");
    }

    private static String get(int port) throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }
}
