package dev.distrogen.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code docker { from "IMAGE" base ... builder ... }}: read by the Dockerfile target only. {@code
 * base} is either a word (scratch, distroless-static, ...) or a quoted image reference; {@code
 * packages} are installed in the build stage, before collecting; {@code probe} (on, off or trace)
 * says whether the build stage starts the app and sends it the health check before an image exists.
 */
public record DockerSettings(
        Optional<Located<String>> from,
        Optional<Located<String>> baseWord,
        Optional<Located<String>> baseImage,
        Optional<Located<String>> builder,
        List<Located<String>> packages,
        Optional<Located<String>> probe,
        SourceLocation at) {

    public static final DockerSettings NONE =
            new DockerSettings(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    SourceLocation.NONE);

    public DockerSettings {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(baseWord, "baseWord");
        Objects.requireNonNull(baseImage, "baseImage");
        Objects.requireNonNull(builder, "builder");
        packages = List.copyOf(packages);
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(at, "at");
    }
}
