package dev.distrogen.backend;

import java.util.Objects;
import java.util.Optional;

/**
 * Command-line settings that take precedence over the spec, for users behind a registry mirror.
 *
 * @param from the Dockerfile's build-stage image
 * @param base the Dockerfile's final-stage image
 */
public record Overrides(Optional<String> from, Optional<String> base) {

    public static final Overrides NONE = new Overrides(Optional.empty(), Optional.empty());

    public Overrides {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(base, "base");
    }
}
