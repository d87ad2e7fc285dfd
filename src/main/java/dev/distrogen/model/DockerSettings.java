package dev.distrogen.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code docker { from "IMAGE" base ... builder ... }}: read by the Dockerfile target only. {@code
 * base} is either a word (scratch, distroless-static, ...) or a quoted image reference; {@code
 * packages} are installed in the build stage, before collecting.
 */
public record DockerSettings(
        Optional<Located<String>> from,
        Optional<Located<String>> baseWord,
        Optional<Located<String>> baseImage,
        Optional<Located<String>> builder,
        List<Located<String>> packages,
        SourceLocation at) {

    public static final DockerSettings NONE =
            new DockerSettings(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    SourceLocation.NONE);

    public DockerSettings {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(baseWord, "baseWord");
        Objects.requireNonNull(baseImage, "baseImage");
        Objects.requireNonNull(builder, "builder");
        packages = List.copyOf(packages);
        Objects.requireNonNull(at, "at");
    }
}
