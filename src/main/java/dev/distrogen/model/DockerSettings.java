package dev.distrogen.model;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code docker { from "IMAGE"  base ...  builder ... }}: read by the Dockerfile target only.
 * {@code base} is either a word (scratch, distroless-static, ...) or a quoted image reference.
 */
public record DockerSettings(
        Optional<Located<String>> from,
        Optional<Located<String>> baseWord,
        Optional<Located<String>> baseImage,
        Optional<Located<String>> builder,
        SourceLocation at) {

    public static final DockerSettings NONE =
            new DockerSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), SourceLocation.NONE);

    public DockerSettings {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(baseWord, "baseWord");
        Objects.requireNonNull(baseImage, "baseImage");
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(at, "at");
    }
}
