package dev.distrogen.plan;

import dev.distrogen.model.DockerBase;
import dev.distrogen.model.DockerBuilder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Dockerfile target's knobs with defaults applied.
 *
 * @param from the build stage's image: {@code --from}, else the spec's, else with {@code builder
 *     nix} {@link #NIX_IMAGE}; none when nothing names one (the Dockerfile then cannot be made:
 *     DG087)
 * @param base a known base ({@code --base} or the spec's), or empty when {@code customBase} names
 *     an image
 * @param program the program the final image starts: the spec's binary, copied from the build
 *     stage, or with {@code builder nix} the package's program as nix-env links it under /usr/local
 * @param init the init the final image starts as PID 1, when the spec names one: the spec's {@code
 *     init}, copied from the build stage, or with {@code builder nix} nixpkgs' tini as nix-env
 *     links it under /usr/local
 * @param entrypoint the image's Entrypoint: the program, or {@code [init, "--", program]}
 * @param packages installed in the build stage with its own package manager before collecting
 * @param smoke the arguments the build stage runs the program with in the collected root, when the
 *     spec asks for a smoke test
 * @param probe the health check the build stage sends the app in the collected root, when the spec
 *     declares one and does not turn the probe off
 */
public record DockerOptions(
        Optional<String> from,
        Optional<DockerBase> base,
        Optional<String> customBase,
        DockerBuilder builder,
        String program,
        Optional<String> init,
        List<String> entrypoint,
        List<String> packages,
        Optional<List<String>> smoke,
        Optional<BuildProbe> probe) {

    /**
     * Where nix-env's profile links a package's files in the {@code builder nix} stage, and so in
     * the image.
     */
    public static final String NIX_PROFILE = "/usr/local/";

    /**
     * The build stage of {@code builder nix} when neither the spec nor the command line names one:
     * a Nix release, by tag and by the digest it had when pinned here (published so in public
     * Dockerfiles), so that the stage is the same image tomorrow. Its nixpkgs is not used: the
     * stage installs from the plan's pinned one.
     */
    public static final String NIX_IMAGE =
            "nixos/nix:2.24.9@sha256:fd7a5c67d396fe6bddeb9c10779d97541ab3a1b2a9d744df3754a99add4046f1";

    public DockerOptions {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(customBase, "customBase");
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(init, "init");
        entrypoint = List.copyOf(entrypoint);
        packages = List.copyOf(packages);
        smoke = smoke.map(List::copyOf);
        Objects.requireNonNull(probe, "probe");
        if (base.isPresent() == customBase.isPresent()) {
            throw new IllegalArgumentException("exactly one of base and customBase");
        }
    }

    /** These options with other packages: the spec's, pinned by a lock to NAME=VERSION. */
    public DockerOptions withPackages(List<String> pinned) {
        return new DockerOptions(
                from, base, customBase, builder, program, init, entrypoint, pinned, smoke, probe);
    }

    /** The final stage's FROM: "scratch", a distroless image, or the user's. */
    public String baseImage() {
        return base.map(DockerBase::image).orElseGet(customBase::orElseThrow);
    }
}
