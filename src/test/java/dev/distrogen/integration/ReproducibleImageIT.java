package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Dockerfile builds reproducibly, as IMAGE.md says: two builds of one spec with {@code buildah
 * bud --layers --timestamp EPOCH} (and --no-cache, so the second makes every layer anew), from two
 * checkouts whose files have other times, give one image, with the same image ID and manifest
 * digest. Without --timestamp they do not (the control): the sameness comes from the option, not
 * from a test that cannot tell them apart.
 */
class ReproducibleImageIT {

    /** What IMAGE.md passes: the commit's time (git log -1 --format=%ct); any fixed time does. */
    private static final String EPOCH = "1700000000";

    private static final String EXAMPLE = "nginx";

    @TempDir Path tmp;
    private final List<String> tags = new ArrayList<>();

    @BeforeEach
    void requireTools() {
        Images.assumeTools();
    }

    private final List<String> intermediates = new ArrayList<>();

    @AfterEach
    void removeImages() {
        tags.forEach(Images::remove);
        Images.removeUntagged(intermediates);
    }

    @Test
    void nginx_builtTwiceFromCheckoutsWithOtherFileTimes_hasOneDigest() throws Exception {
        String builder = Images.builder();
        Path first = checkout("first", Instant.parse("2026-01-02T03:04:05Z"), builder);
        Path second = checkout("second", Instant.parse("2001-09-09T01:46:40Z"), builder);
        assertNotEquals(
                Files.getLastModifiedTime(first.resolve("Dockerfile")),
                Files.getLastModifiedTime(second.resolve("Dockerfile")));

        // As IMAGE.md says (--layers: the final stage's three layers), without the cache, so
        // that the second build makes every layer anew.
        List<String> documented = List.of("--layers", "--no-cache", "--timestamp", EPOCH);
        Image a = build(first, "a", documented);
        Image b = build(second, "b", documented);
        System.err.printf(
                "[distrogen tests] reproducible: %s built twice with --timestamp %s: %s and %s (%.0f s, %.0f s)%n",
                EXAMPLE, EPOCH, a.digest, b.digest, a.seconds, b.seconds);
        assertEquals(a.id, b.id, "the same image ID (config digest: layers' contents and config)");
        assertEquals(a.digest, b.digest, "the same manifest digest");
        assertEquals(
                Long.parseLong(EPOCH),
                Instant.parse(a.created).getEpochSecond(),
                "created is the epoch given");

        Image control = build(second, "control", List.of());
        assertNotEquals(
                a.id,
                control.id,
                "without --timestamp the build is not reproducible (file times, created)");
    }

    /**
     * A checkout: the example's files at {@code time}, and the Dockerfile generated from them, at
     * that time too.
     */
    private Path checkout(String name, Instant time, String builder) throws IOException {
        Path source = tmp.resolve(name + "/src");
        Path context = tmp.resolve(name + "/context");
        copy(Images.root().resolve("examples/" + EXAMPLE), source);
        touchAll(source, time);
        Images.dockerfileContext(source.resolve(EXAMPLE + ".dl"), context, builder);
        touchAll(context, time);
        return context;
    }

    private record Image(String id, String digest, String created, double seconds) {}

    private Image build(Path context, String name, List<String> options) {
        String tag =
                "localhost/distrogen-test-reproducible-"
                        + name
                        + ":run"
                        + ProcessHandle.current().pid();
        tags.add(tag);
        Images.Build build = Images.buildLogged(context, tag, options);
        intermediates.addAll(Images.committed(build));
        double seconds = build.seconds();
        String[] fields =
                Command.check(
                                Duration.ofMinutes(1),
                                "buildah",
                                Images.STORAGE,
                                "inspect",
                                "--type",
                                "image",
                                "--format",
                                "{{.FromImageID}} {{.FromImageDigest}} {{.OCIv1.Created.UTC.Format \"2006-01-02T15:04:05Z07:00\"}}",
                                tag)
                        .trim()
                        .split("\\s+");
        assertEquals(3, fields.length, String.join(" ", fields));
        assertTrue(
                fields[0].matches("[0-9a-f]{64}") && fields[1].matches("sha256:[0-9a-f]{64}"),
                String.join(" ", fields));
        return new Image(fields[0], fields[1], fields[2], seconds);
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(f -> !f.startsWith(from.resolve("generated"))).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void touchAll(Path dir, Instant time) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(time));
            }
        }
    }
}
