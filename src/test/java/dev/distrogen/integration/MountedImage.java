package dev.distrogen.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** An image's root filesystem, mounted through a buildah working container, and its config. */
final class MountedImage implements AutoCloseable {

    private final String container;
    final Path rootfs;

    /** The OCI image config: User, Entrypoint, Cmd, Env, ... */
    final JsonNode config;

    MountedImage(String image) throws IOException {
        this.container =
                Command.check(
                                Duration.ofMinutes(5),
                                "buildah",
                                Images.STORAGE,
                                "from",
                                "--pull=never",
                                image)
                        .strip();
        this.rootfs =
                Path.of(
                        Command.check(
                                        Duration.ofMinutes(1),
                                        "buildah",
                                        Images.STORAGE,
                                        "mount",
                                        container)
                                .strip());
        if (rootfs.getNameCount() < 3) {
            throw new AssertionError("implausible mount point " + rootfs);
        }
        this.config = Images.inspect(image).at("/OCIv1/config");
    }

    Path path(String inImage) {
        return rootfs.resolve(inImage.substring(1));
    }

    /** Every path of the image ("/etc/passwd", ...), links not followed. */
    List<String> paths() throws IOException {
        try (Stream<Path> all = Files.walk(rootfs)) {
            return all.filter(p -> !p.equals(rootfs))
                    .map(p -> "/" + rootfs.relativize(p))
                    .sorted()
                    .toList();
        }
    }

    /** The bytes of every regular file: what the image weighs unpacked. */
    long size() throws IOException {
        try (Stream<Path> all = Files.walk(rootfs)) {
            return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(
                            p -> {
                                try {
                                    return Files.size(p);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            })
                    .sum();
        }
    }

    /** Starts the image's entrypoint as its user, with its environment and working directory. */
    RunningApp start(Path rootrun) throws IOException {
        return start(rootrun, List.of());
    }

    /**
     * Starts the entrypoint with {@code runtimeOptions} before the root filesystem, such as
     * --read-only and --tmpfs PATH:OPTIONS (as docker run takes them).
     */
    RunningApp start(Path rootrun, List<String> runtimeOptions) throws IOException {
        return launch(rootrun, runtimeOptions, strings("Entrypoint"), strings("Cmd"));
    }

    /**
     * Starts the entrypoint with {@code args} in place of the image's Cmd, as docker run IMAGE ARGS
     * does.
     */
    RunningApp run(Path rootrun, List<String> runtimeOptions, List<String> args)
            throws IOException {
        return launch(rootrun, runtimeOptions, strings("Entrypoint"), args);
    }

    /**
     * Starts {@code entrypoint} instead of the image's, with its Cmd, user, env and working
     * directory.
     */
    RunningApp start(Path rootrun, List<String> runtimeOptions, List<String> entrypoint)
            throws IOException {
        return launch(rootrun, runtimeOptions, entrypoint, strings("Cmd"));
    }

    private List<String> strings(String key) {
        List<String> values = new ArrayList<>();
        config.path(key).forEach(e -> values.add(e.asText()));
        return values;
    }

    private RunningApp launch(
            Path rootrun, List<String> runtimeOptions, List<String> entrypoint, List<String> args)
            throws IOException {
        String[] user = config.path("User").asText("0:0").split(":");
        String workdir = config.path("WorkingDir").asText("");
        List<String> command = new ArrayList<>(List.of(rootrun.toString()));
        command.addAll(runtimeOptions);
        command.addAll(
                List.of(
                        rootfs.toString(),
                        user[0],
                        user.length > 1 ? user[1] : user[0],
                        workdir.isEmpty() ? "/" : workdir));
        config.path("Env").forEach(e -> command.add(e.asText()));
        command.add("--");
        command.addAll(entrypoint);
        command.addAll(args);
        return new RunningApp(command);
    }

    @Override
    public void close() {
        Command.run(Duration.ofMinutes(2), List.of("buildah", Images.STORAGE, "rm", container));
    }
}
