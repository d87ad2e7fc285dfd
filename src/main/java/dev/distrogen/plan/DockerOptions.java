package dev.distrogen.plan;

import dev.distrogen.model.DockerBase;
import dev.distrogen.model.DockerBuilder;
import java.util.Objects;
import java.util.Optional;

/**
 * The Dockerfile target's knobs with defaults applied.
 *
 * @param from the build stage's image; none when the spec gives none (then the command line must)
 * @param base a known base, or empty when {@code customBase} names an image
 * @param program the program the final image starts: the spec's binary, copied from the build
 *     stage, or with {@code builder nix} the package's program as nix-env links it under /usr/local
 */
public record DockerOptions(Optional<String> from, Optional<DockerBase> base, Optional<String> customBase,
        DockerBuilder builder, String program) {

    /** Where nix-env's profile links a package's files in the {@code builder nix} stage, and so in the image. */
    public static final String NIX_PROFILE = "/usr/local/";

    public DockerOptions {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(customBase, "customBase");
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(program, "program");
        if (base.isPresent() == customBase.isPresent()) {
            throw new IllegalArgumentException("exactly one of base and customBase");
        }
    }

    /** The final stage's FROM: "scratch", a distroless image, or the user's. */
    public String baseImage() {
        return base.map(DockerBase::image).orElseGet(customBase::orElseThrow);
    }
}
