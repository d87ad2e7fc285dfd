package dev.distrogen.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Command-line settings that take precedence over the spec, for users behind a registry mirror. The
 * plan is built from the spec and these, so every target shows what the Dockerfile uses.
 *
 * @param from the Dockerfile's build-stage image ({@code --from})
 * @param base the Dockerfile's final stage ({@code --base}): a base keyword or an image reference
 * @param buildStageNeeded whether the output asked for holds a Dockerfile, which cannot be made
 *     without a build stage (a spec error then, DG087)
 */
public record Overrides(Optional<String> from, Optional<String> base, boolean buildStageNeeded) {

    public static final Overrides NONE = new Overrides(Optional.empty(), Optional.empty(), false);

    public Overrides {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(base, "base");
    }

    /** Only a build-stage image, as a test or a mirror user gives it. */
    public static Overrides from(String image) {
        return new Overrides(Optional.of(image), Optional.empty(), true);
    }
}
