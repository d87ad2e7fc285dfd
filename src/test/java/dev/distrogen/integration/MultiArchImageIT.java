package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distrogen.Compiler;
import dev.distrogen.cli.CliRun;
import dev.distrogen.model.Platform;
import dev.distrogen.plan.ImagePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A build for a platform this machine is not: the memcached example (platforms linux/amd64,
 * linux/arm64) from an arm64 Debian build stage (debootstrap --arch=arm64), built by buildah for
 * linux/arm64 with QEMU running its RUN steps. The build scripts assume no architecture: what they
 * collect is arm64's program, loader and libraries, and the program serves under QEMU.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiArchImageIT {

    static final Path MEASUREMENTS = Images.root().resolve("target/multiarch-measurements.tsv");

    private Path rootrun;
    private final List<String> built = new ArrayList<>();
    private static final List<Path> CONTEXTS = new ArrayList<>();

    /** The images and build contexts this run made; the arm64 build stage stays cached. */
    @AfterAll
    void removeTestImages() {
        built.forEach(Images::remove);
        CONTEXTS.forEach(
                c ->
                        Command.run(
                                Duration.ofMinutes(1),
                                List.of("rm", "-rf", "--one-file-system", c.toString())));
    }

    @BeforeEach
    void setUp() throws IOException {
        Images.assumeTools();
        Binfmt.requireAarch64();
        if (rootrun == null) {
            rootrun = DockerfileImageIT.compileRootrun();
        }
    }

    @Test
    void memcached_builtForArm64_isArm64Throughout_andServesUnderQemu() throws Exception {
        Path spec = Images.root().resolve("examples/memcached/memcached.dl");
        ImagePlan plan = Compiler.compile(spec, "memcached.dl").plan().orElseThrow();
        assertEquals(List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64), plan.platforms());

        long start = System.nanoTime();
        String arm64Builder = Images.arm64Builder();
        double builderSeconds = (System.nanoTime() - start) / 1e9;
        String arm64 = tag("arm64");
        Images.Build armBuild =
                Images.buildLogged(
                        generate(spec, arm64Builder), arm64, List.of("--platform", "linux/arm64"));
        built.add(arm64);
        String native_ = tag("native");
        Images.Build nativeBuild =
                Images.buildLogged(generate(spec, Images.builder()), native_, List.of());
        built.add(native_);

        JsonNode armImage = inspect(arm64);
        assertEquals("arm64", armImage.path("architecture").asText(), "the image config's arch");
        assertEquals("linux", armImage.path("os").asText());
        try (MountedImage image = new MountedImage(arm64)) {
            Elf program = Elf.read(image.path("/usr/bin/memcached")).orElseThrow();
            assertEquals(Elf.EM_AARCH64, program.machine(), "memcached is an arm64 program");
            String loader = program.interpreter().orElseThrow();
            assertEquals("/lib/ld-linux-aarch64.so.1", loader, "arm64's glibc loader");
            Path realLoader = image.path(loader).toRealPath();
            assertTrue(realLoader.startsWith(image.rootfs), "the loader is in the image");
            assertEquals(Elf.EM_AARCH64, Elf.read(realLoader).orElseThrow().machine());
            Map<String, Integer> machines = machines(image);
            assertTrue(
                    machines.values().stream().allMatch(m -> m == Elf.EM_AARCH64),
                    "every ELF file in the image is arm64: " + machines);
            assertTrue(
                    machines.keySet().stream().anyMatch(p -> p.contains("libevent")),
                    "memcached's libraries came, as arm64's ldd found them: " + machines);
            DockerfileImageIT.assertMinimalAndAsPlanned(image, plan);
            List<String> args = List.of("--port=11397", "--udp-port=0", "--memory-limit=64");
            try (RunningApp app = image.run(rootrun, List.of(), args)) {
                app.awaitPort(11397, Duration.ofSeconds(90));
                String version = DockerfileImageIT.talk(11397, "version\r\n");
                assertTrue(version.startsWith("VERSION 1.6."), version + "\n" + app.output());
            }
        }
        try (MountedImage image = new MountedImage(native_)) {
            assertEquals(
                    Elf.EM_X86_64,
                    Elf.read(image.path("/usr/bin/memcached")).orElseThrow().machine(),
                    "the same Dockerfile on this machine's build stage gives its own platform");
        }
        String row =
                String.format(
                        Locale.ROOT,
                        "memcached\tnative %s: %.1f s\tlinux/arm64 under QEMU: %.1f s\tarm64 build stage (debootstrap, or cached): %.1f s%n",
                        System.getProperty("os.arch"),
                        nativeBuild.seconds(),
                        armBuild.seconds(),
                        builderSeconds);
        Files.writeString(
                MEASUREMENTS,
                row,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        System.out.print(row);
    }

    /** The memcached example's Dockerfile with {@code buildStage} as --from, on scratch. */
    private static Path generate(Path spec, String buildStage) throws IOException {
        Path context = Files.createTempDirectory("distrogen-multiarch");
        CONTEXTS.add(context);
        CliRun run =
                CliRun.run(
                        spec.toString(),
                        "--target",
                        "dockerfile",
                        "-o",
                        context.toString(),
                        "--from",
                        buildStage,
                        "--base",
                        "scratch");
        assertEquals(0, run.exit(), run.err());
        return context;
    }

    private static String tag(String platform) {
        return "localhost/multiarch-test-memcached:" + platform + ProcessHandle.current().pid();
    }

    private static JsonNode inspect(String image) throws IOException {
        return Images.inspect(image).path("OCIv1");
    }

    /** Every ELF file of the image and its machine. */
    private static Map<String, Integer> machines(MountedImage image) throws IOException {
        Map<String, Integer> machines = new TreeMap<>();
        for (String path : image.paths()) {
            Elf.read(image.path(path)).ifPresent(elf -> machines.put(path, elf.machine()));
        }
        return machines;
    }
}
