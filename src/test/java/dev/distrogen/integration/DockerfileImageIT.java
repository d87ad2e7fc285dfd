package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distrogen.Compiler;
import dev.distrogen.cli.CliRun;
import dev.distrogen.plan.ImagePlan;
import dev.distrogen.plan.VolumeMount;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Builds every example's generated Dockerfile with buildah, from a Debian build stage made with
 * debootstrap, then starts the image's entrypoint as its USER from its root filesystem and talks to
 * it on 127.0.0.1. Each image must hold no shell and no package manager, lay out the plan's files
 * with their owners and modes, and declare the plan's config.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerfileImageIT {

    private static final Set<String> FORBIDDEN =
            Set.of(
                    "sh",
                    "bash",
                    "dash",
                    "ash",
                    "zsh",
                    "busybox",
                    "apt",
                    "apt-get",
                    "dpkg",
                    "apk",
                    "yum",
                    "dnf",
                    "microdnf",
                    "rpm");
    static final Path MEASUREMENTS = Images.root().resolve("target/image-measurements.tsv");

    /** The Debian build stage given to --from. */
    private String builder;

    private Path rootrun;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The images this run tagged; removed at the end (the build stage stays cached). */
    private final List<String> built = new ArrayList<>();

    @org.junit.jupiter.api.AfterAll
    void removeTestImages() {
        built.forEach(Images::remove);
    }

    /** Per test, not @BeforeAll: a skip there would make Surefire count these tests as nothing. */
    @BeforeEach
    void setUp() throws IOException {
        Images.assumeTools();
        if (builder == null) {
            builder = Images.builder();
            rootrun = compileRootrun();
        }
    }

    static Path compileRootrun() throws IOException {
        Path binary = Images.root().resolve("target/rootrun");
        Command.check(
                Duration.ofMinutes(2),
                "gcc",
                "-O2",
                "-Wall",
                "-Wextra",
                "-Werror",
                "-o",
                binary.toString(),
                Images.root().resolve("src/test/resources/integration/rootrun.c").toString());
        return binary;
    }

    @Test
    void nginx_servesItsPageAsItsUser_fromScratch() throws Exception {
        Built nginx = build("nginx", List.of());
        try (MountedImage image = new MountedImage(nginx.tag)) {
            measure(
                    "nginx",
                    nginx,
                    image,
                    assertScannersSeeTheBuildStage(image, builder, nginx, Map.of()));
            try (RunningApp app = image.start(rootrun)) {
                assertMinimalAndAsPlanned(image, nginx.plan);
                assertTrue(
                        Files.isRegularFile(
                                image.path("/usr/lib/nginx/modules/ngx_http_echo_module.so")),
                        "libs are copied");
                app.awaitPort(8080, Duration.ofSeconds(20));
                HttpResponse<String> response = get("http://127.0.0.1:8080/");
                assertEquals(200, response.statusCode(), app.output());
                assertTrue(
                        response.body().contains("Served by a distroless NGINX"), response.body());
                // security.conf, a text config, says server_tokens off: no version in the Server
                // header.
                assertEquals("nginx", response.headers().firstValue("Server").orElse(""));
            }
            try (RunningApp app = startReadOnly(image, nginx.plan)) {
                app.awaitPort(8080, Duration.ofSeconds(20));
                assertEquals(200, get("http://127.0.0.1:8080/").statusCode(), app.output());
                // size "64Mi" in the spec: the kernel mounted the tmpfs with the planned options,
                // 64 MiB at most.
                String cache =
                        app.mountInfo()
                                .lines()
                                .filter(l -> l.contains(" /var/cache/nginx "))
                                .findFirst()
                                .orElseThrow();
                assertTrue(
                        cache.contains(" tmpfs ")
                                && cache.contains("size=65536k")
                                && cache.contains("uid=10001"),
                        cache);
            }
        }
    }

    @Test
    void lighttpd_loadsTheModulesOfLibs() throws Exception {
        Built lighttpd = build("lighttpd", List.of());
        try (MountedImage image = new MountedImage(lighttpd.tag)) {
            measure(
                    "lighttpd",
                    lighttpd,
                    image,
                    assertScannersSeeTheBuildStage(image, builder, lighttpd, Map.of()));
            try (RunningApp app = image.start(rootrun)) {
                assertMinimalAndAsPlanned(image, lighttpd.plan);
                app.awaitPort(8081, Duration.ofSeconds(20));
                HttpResponse<String> status = get("http://127.0.0.1:8081/server-status");
                assertEquals(200, status.statusCode(), app.output());
                assertTrue(
                        status.body().contains("Server-Status"),
                        "mod_status answers: " + status.body());
                HttpResponse<String> listing = get("http://127.0.0.1:8081/files/");
                assertTrue(
                        listing.body().contains("notes.txt"),
                        "mod_dirlisting answers: " + listing.body());
                assertTrue(
                        get("http://127.0.0.1:8081/")
                                .body()
                                .contains("Served by lighttpd from scratch"));
            }
            try (RunningApp app = startReadOnly(image, lighttpd.plan)) {
                app.awaitPort(8081, Duration.ofSeconds(20));
                assertEquals(
                        200, get("http://127.0.0.1:8081/server-status").statusCode(), app.output());
            }
        }
    }

    /** The control: the same spec without libs builds, but lighttpd cannot load its modules. */
    @Test
    void lighttpd_withoutLibs_cannotStart() throws Exception {
        Path spec = Files.createTempDirectory("lighttpd-nolibs").resolve("lighttpd.dl");
        Path example = Images.root().resolve("examples/lighttpd");
        copyTree(example, spec.getParent());
        Files.writeString(
                spec,
                Files.readString(example.resolve("lighttpd.dl"))
                        .replaceAll("(?m)^\\s*(libs|without) .*$", ""));
        Built noLibs = build("lighttpd-nolibs", spec, builder, List.of());
        try (MountedImage image = new MountedImage(noLibs.tag);
                RunningApp app = image.start(rootrun)) {
            assertTrue(Files.notExists(image.path("/usr/lib/lighttpd/mod_status.so")));
            assertNotEquals(0, app.awaitExit(Duration.ofSeconds(20)));
            assertTrue(app.output().contains("mod_status"), app.output());
        } finally {
            Images.remove(noLibs.tag);
        }
    }

    @Test
    void redis_startsThroughItsSymlinkedBinary() throws Exception {
        Built redis = build("redis", List.of());
        try (MountedImage image = new MountedImage(redis.tag)) {
            measure(
                    "redis",
                    redis,
                    image,
                    assertScannersSeeTheBuildStage(image, builder, redis, Map.of()));
            assertMinimalAndAsPlanned(image, redis.plan);
            Path binary = image.path("/usr/bin/redis-server");
            assertTrue(Files.isSymbolicLink(binary), "the binary arrives as the link it is");
            assertEquals("redis-check-rdb", Files.readSymbolicLink(binary).toString());
            assertTrue(
                    Files.isRegularFile(image.path("/usr/bin/redis-check-rdb")), "with its target");
            try (RunningApp app = image.start(rootrun)) {
                app.awaitPort(6390, Duration.ofSeconds(20));
                assertEquals("+PONG", talk(6390, "PING\r\n"), app.output());
                // The data lands in the persistent dir, written by the app's own account.
                assertEquals("+OK", talk(6390, "SET distrogen persisted\r\n"), app.output());
                assertEquals("+OK", talk(6390, "SAVE\r\n"), app.output());
                for (String data :
                        List.of("/var/lib/redis/dump.rdb", "/var/lib/redis/appendonlydir")) {
                    assertEquals(
                            10379,
                            Files.getAttribute(
                                    image.path(data),
                                    "unix:uid",
                                    java.nio.file.LinkOption.NOFOLLOW_LINKS),
                            data + " " + app.output());
                }
            }
            try (RunningApp app = startReadOnly(image, redis.plan)) {
                app.awaitPort(6390, Duration.ofSeconds(20));
                assertEquals("+PONG", talk(6390, "PING\r\n"), app.output());
            }
        }
    }

    @Test
    void memcached_runsOnADistrolessBase_withItsAccountsReplaced() throws Exception {
        String base = Images.distrolessStandin();
        Built memcached = build("memcached", List.of("--base", base));
        Map<String, String> baseStatus;
        try (MountedImage baseImage = new MountedImage(base)) {
            baseStatus = Scanners.statusD(baseImage.rootfs);
        }
        assertFalse(
                baseStatus.isEmpty(), "the stand-in has a status.d of its own, as distroless does");
        try (MountedImage image = new MountedImage(memcached.tag)) {
            measure(
                    "memcached",
                    memcached,
                    image,
                    assertScannersSeeTheBuildStage(image, builder, memcached, baseStatus));
            Map<String, String> kept = new TreeMap<>(Scanners.statusD(image.rootfs));
            kept.keySet().retainAll(baseStatus.keySet());
            assertEquals(baseStatus, kept, "the base's own status.d entries remain");
            try (RunningApp app = image.start(rootrun)) {
                assertMinimalAndAsPlanned(image, memcached.plan);
                assertTrue(
                        Files.isRegularFile(image.path("/etc/ssl/certs/ca-certificates.crt")),
                        "the base's files remain");
                app.awaitPort(11311, Duration.ofSeconds(20));
                assertTrue(talk(11311, "version\r\n").startsWith("VERSION 1.6."), app.output());
            }
            try (RunningApp app = startReadOnly(image, memcached.plan)) {
                app.awaitPort(11311, Duration.ofSeconds(20));
                assertTrue(talk(11311, "version\r\n").startsWith("VERSION 1.6."), app.output());
            }
        }
    }

    @Test
    void musl_aProgramFromAnAlpineLikeStage_arrivesWithItsLoaderAndLibraries() throws Exception {
        Path spec = Images.root().resolve("src/test/resources/integration/musl/hello.dl");
        Built hello = build("hello-musl", spec, Images.alpineLike(), List.of());
        try (MountedImage image = new MountedImage(hello.tag)) {
            assertMinimalAndAsPlanned(image, hello.plan);
            // This stage has no package database: one line says so, the image has no metadata, the
            // build goes on.
            assertEquals(
                    1,
                    hello.log
                            .lines()
                            .filter(
                                    l ->
                                            l.startsWith(
                                                    "distrogen: the build stage has no package database"))
                            .count(),
                    hello.log);
            assertTrue(
                    Files.notExists(image.path("/var/lib/dpkg"))
                            && Files.notExists(image.path("/lib/apk"))
                            && Files.notExists(image.path("/usr/share/sbom")),
                    "no metadata");
            assertEquals(new Scanners.Report("", Set.of()), Scanners.scan(image.rootfs));
            assertTrue(
                    Files.isRegularFile(image.path("/lib/ld-musl-x86_64.so.1")), "musl's loader");
            assertEquals(
                    "libgreet.so.1.0",
                    Files.readSymbolicLink(image.path("/usr/lib/libgreet.so.1")).toString());
            assertTrue(Files.notExists(image.path("/bin")), "nothing of the stage's busybox");
            try (RunningApp app = image.start(rootrun)) {
                app.awaitPort(8090, Duration.ofSeconds(20));
                assertEquals("hello from musl", talk(8090, ""), app.output());
            }
        }
    }

    @Test
    void musl_fromAStageWithAnApkDatabase_carriesItsOwningPackagesEntries() throws Exception {
        Path spec = Images.root().resolve("src/test/resources/integration/musl/hello.dl");
        String stage = Images.alpineLikeWithApk();
        Built hello = build("hello-musl-apk", spec, stage, List.of());
        try (MountedImage image = new MountedImage(hello.tag)) {
            assertMinimalAndAsPlanned(image, hello.plan);
            assertScannersSeeTheBuildStage(image, stage, hello, Map.of());
            String installed = Files.readString(image.path("/lib/apk/db/installed"));
            assertTrue(
                    installed.contains("P:hello\n") && !installed.contains("P:musl-utils\n"),
                    installed);
            try (RunningApp app = image.start(rootrun)) {
                app.awaitPort(8090, Duration.ofSeconds(20));
                assertEquals("hello from musl", talk(8090, ""), app.output());
            }
        }
    }

    @Test
    void escapes_reachTheImageExactly_andRunNothing() throws Exception {
        Path spec = Images.root().resolve("src/test/resources/integration/escapes/escapes.dl");
        Built escapes = build("escapes", spec, Images.printargsBuilder(), List.of());
        ImagePlan plan = escapes.plan;
        // A program built from source: no package owns it, and the build log says so, once.
        assertEquals(
                List.of(
                        "distrogen: no package owns "
                                + plan.app().binary().value()
                                + ": scanners will not see it"),
                escapes.log
                        .lines()
                        .filter(l -> l.startsWith("distrogen: no package owns"))
                        .toList(),
                escapes.log);
        try (MountedImage image = new MountedImage(escapes.tag);
                RunningApp app = image.start(rootrun)) {
            assertMinimalAndAsPlanned(image, plan);
            // A canary that ran would have created /distrogen/root/pwned-*, that is /pwned-* in the
            // image.
            for (String path : image.paths()) {
                assertTrue(!path.startsWith("/pwned"), "a canary ran: " + path);
            }
            assertEquals(0, app.awaitExit(Duration.ofSeconds(20)), app.output());
            List<String> args = new ArrayList<>();
            List<String> env = new ArrayList<>();
            String cwd = null;
            for (String line : app.output().lines().toList()) {
                String value = unescape(line.substring(line.indexOf(' ') + 1));
                switch (line.substring(0, line.indexOf(' '))) {
                    case "arg" -> args.add(value);
                    case "env" -> env.add(value);
                    case "cwd" -> cwd = value;
                    default -> throw new AssertionError("unexpected output: " + line);
                }
            }
            List<String> expectedArgs = new ArrayList<>(List.of(plan.app().binary().value()));
            expectedArgs.addAll(plan.config().cmd());
            assertEquals(expectedArgs, args);
            assertEquals(
                    plan.config().envList(),
                    env.stream().filter(e -> !e.startsWith("PATH=")).toList());
            assertEquals(plan.config().workingDir().orElseThrow(), cwd);
            assertTrue(
                    plan.config()
                            .cmd()
                            .contains("dollar $HOME ${PATH} $(touch /distrogen/root/pwned-arg)"));
        }
        Images.remove(escapes.tag);
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
        }
        return out.toString();
    }

    /**
     * The app as the docs and k8s targets run it: root filesystem read-only, a tmpfs with the
     * planned owner and mode on each directory it writes to (the list those targets use).
     */
    private RunningApp startReadOnly(MountedImage image, ImagePlan plan) throws IOException {
        return startReadOnly(image, plan, rootrun);
    }

    /**
     * Starts the app on a read-only root with a tmpfs on each planned volume, its options exactly
     * as docker run gets them.
     */
    static RunningApp startReadOnly(MountedImage image, ImagePlan plan, Path rootrun)
            throws IOException {
        List<String> options = new ArrayList<>(List.of("--read-only"));
        for (VolumeMount mount : plan.mounts()) {
            options.addAll(List.of("--tmpfs", mount.path() + ":" + mount.tmpfsOptions()));
        }
        return image.start(rootrun, options);
    }

    // --- building

    record Built(String tag, ImagePlan plan, double seconds, String log) {}

    private Built build(String example, List<String> options) throws Exception {
        return build(
                example,
                Images.root().resolve("examples/" + example + "/" + example + ".dl"),
                builder,
                options);
    }

    /**
     * Generates the Dockerfile of {@code spec} with {@code buildStage} as --from, and builds it.
     */
    private Built build(String name, Path spec, String buildStage, List<String> options)
            throws Exception {
        Path context = Files.createTempDirectory("distrogen-" + name);
        List<String> args =
                new ArrayList<>(
                        List.of(
                                spec.toString(),
                                "--target",
                                "dockerfile",
                                "-o",
                                context.toString(),
                                "--from",
                                buildStage));
        args.addAll(options);
        CliRun run = CliRun.run(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        // The pid keeps runs from two checkouts at once from replacing each other's images.
        String tag = "localhost/distrogen-test-" + name + ":run" + ProcessHandle.current().pid();
        Images.Build build = Images.buildLogged(context, tag);
        built.add(tag);
        ImagePlan plan = Compiler.compile(spec, spec.getFileName().toString()).plan().orElseThrow();
        return new Built(tag, plan, build.seconds(), build.log());
    }

    // --- what every image must be

    static void assertMinimalAndAsPlanned(MountedImage image, ImagePlan plan) throws IOException {
        for (String path : image.paths()) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            // Directories may bear such names: /var/lib/dpkg and /lib/apk hold the scanners'
            // metadata.
            assertTrue(
                    !FORBIDDEN.contains(name)
                            || Files.isDirectory(
                                    image.path(path), java.nio.file.LinkOption.NOFOLLOW_LINKS),
                    "the image holds " + path + ": no shell, no package manager");
        }
        TreeAssertions.assertLaidOutAsPlanned(image.rootfs, plan);
        assertConfig(image.config, plan, plan.docker().entrypoint());
    }

    /**
     * The image's config is the plan's; buildah's own additions (PATH, io.buildah.version) aside.
     */
    static void assertConfig(JsonNode config, ImagePlan plan, List<String> entrypoint) {
        assertEquals(plan.config().user(), config.path("User").asText());
        assertEquals(entrypoint, strings(config.path("Entrypoint")));
        assertEquals(plan.config().cmd(), strings(config.path("Cmd")));
        assertEquals(
                plan.config().envList(),
                strings(config.path("Env")).stream().filter(e -> !e.startsWith("PATH=")).toList());
        // The Dockerfile always sets WORKDIR, "/" when the spec names none: the runtime's default.
        assertEquals(plan.config().workingDir().orElse("/"), config.path("WorkingDir").asText(""));
        List<String> ports = new ArrayList<>();
        config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertEquals(
                plan.config().portList().stream().sorted().toList(),
                ports.stream().sorted().toList());
        assertEquals(plan.config().stopSignal().orElse(""), config.path("StopSignal").asText(""));
        Map<String, String> labels = new TreeMap<>();
        config.path("Labels")
                .properties()
                .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        labels.remove("io.buildah.version");
        assertEquals(plan.config().labels(), labels);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    // --- what scanners see

    /**
     * Trivy, offline, on the image's root filesystem sees the build stage's OS and exactly the
     * packages that own the image's files in the build stage's own database (computed here from
     * that database, not by distrogen's script), each at the stage's version, plus the base's own
     * status.d entries. The build log counts them. Returns what the metadata costs.
     */
    private static Metadata assertScannersSeeTheBuildStage(
            MountedImage image, String stage, Built built, Map<String, String> baseStatus)
            throws IOException {
        Set<String> expected;
        String os;
        try (MountedImage stageImage = new MountedImage(stage)) {
            expected = new TreeSet<>(Scanners.expectedPackages(stageImage.rootfs, image.rootfs));
            os =
                    Scanners.firstLine(stageImage.rootfs, "/etc/debian_version")
                            .map(v -> "debian " + v)
                            .or(
                                    () ->
                                            firstLineUnchecked(
                                                            stageImage.rootfs,
                                                            "/etc/alpine-release")
                                                    .map(v -> "alpine " + v))
                            .orElseThrow();
        }
        assertTrue(
                built.log.contains(
                        "distrogen: package metadata for scanners: "
                                + expected.size()
                                + " packages own the image's files"),
                built.log);
        built.log
                .lines()
                .filter(l -> l.startsWith("distrogen: "))
                .forEach(l -> System.out.println("build log\t" + built.tag + "\t" + l));
        for (String stanza : baseStatus.values()) {
            expected.add(
                    Scanners.fields(stanza, ": ").get("Package")
                            + "@"
                            + Scanners.fields(stanza, ": ").get("Version"));
        }
        assertTrue(expected.size() >= 2, "the app's package and its libraries' " + expected);
        Scanners.Report report = Scanners.scan(image.rootfs);
        assertEquals(os, report.os());
        assertEquals(expected, report.packages());
        return new Metadata(
                metadataBytes(image, baseStatus.keySet()),
                report.packages().size() - baseStatus.size());
    }

    /**
     * What the scanners' metadata costs an image: bytes, and the packages it names (the base's
     * aside).
     */
    record Metadata(long bytes, int packages) {}

    private static java.util.Optional<String> firstLineUnchecked(Path root, String path) {
        try {
            return Scanners.firstLine(root, path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * What the metadata costs: status.d entries (but the base's), the apk database, the SBOM, the
     * release files.
     */
    private static long metadataBytes(MountedImage image, Set<String> baseEntries)
            throws IOException {
        long bytes = 0;
        for (String path : image.paths()) {
            Path p = image.path(path);
            boolean metadata =
                    path.startsWith("/var/lib/dpkg/status.d/")
                                    && !baseEntries.contains(p.getFileName().toString())
                            || path.startsWith("/lib/apk/db/")
                            || path.startsWith("/usr/share/sbom/")
                            || List.of(
                                            "/usr/lib/os-release",
                                            "/etc/os-release",
                                            "/etc/debian_version",
                                            "/etc/lsb-release",
                                            "/etc/alpine-release")
                                    .contains(path);
            if (metadata && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                bytes += Files.size(p);
            }
        }
        return bytes;
    }

    // --- talking to the app

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends one line over TCP and returns the first line of the answer. */
    static String talk(int port, String line) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(line.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(
                            new InputStreamReader(
                                    socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    // --- measuring

    /**
     * Size and paths of the image as built, before the app runs (it writes logs, rootrun adds /proc
     * and /dev).
     */
    private void measure(String example, Built built, MountedImage image, Metadata metadata)
            throws IOException {
        long builderSize;
        try (MountedImage builderImage = new MountedImage(builder)) {
            builderSize = builderImage.size();
        }
        String row =
                String.join(
                                "\t",
                                example,
                                Long.toString(image.size()),
                                Integer.toString(image.paths().size()),
                                String.format(java.util.Locale.ROOT, "%.1f", built.seconds),
                                Long.toString(builderSize),
                                Long.toString(metadata.bytes()),
                                Integer.toString(metadata.packages()))
                        + "\n";
        Files.createDirectories(MEASUREMENTS.getParent());
        Files.writeString(MEASUREMENTS, row, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print("image\t" + row);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
