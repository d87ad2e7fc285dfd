package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.DockerBuilder;
import dev.distrogen.model.SourceLocation;
import dev.distrogen.model.Spec;
import java.util.List;

/**
 * Whether the Dockerfile has a build stage: an image that holds the app ({@code docker { from }})
 * or nixpkgs' ({@code builder nix}). A spec without one is valid (Nix builds it as it is), so this
 * is not one of the checks every command runs: {@code check} warns (DG083) and names the targets
 * the spec is ready for, and a target that writes the Dockerfile refuses it (DG087, {@link
 * BuildStageCheck}) unless {@code --from} names the image. Both point at the docker block, else the
 * app statement.
 */
public final class BuildStage {

    private static final String HINT =
            "add docker { from \"IMAGE\" } naming an image that holds the app, or "
                    + "docker { builder nix }; or pass --from IMAGE to the target";

    private BuildStage() {}

    /** Whether the spec leaves the Dockerfile without a build stage. */
    public static boolean missing(Spec spec) {
        boolean nix =
                spec.docker()
                        .builder()
                        .flatMap(b -> DockerBuilder.ofWord(b.value()))
                        .filter(DockerBuilder.NIX::equals)
                        .isPresent();
        return spec.docker().from().isEmpty() && !nix;
    }

    /**
     * DG083, for {@code check}: which targets the spec is ready for, and which need the build
     * stage.
     */
    public static Diagnostic notReady(Spec spec, List<String> ready, List<String> needingIt) {
        return Diagnostic.warning(
                        Code.NO_BUILD_STAGE,
                        where(spec),
                        "no build stage for the Dockerfile: ready for the targets "
                                + words(ready)
                                + "; not for "
                                + words(needingIt))
                .withHint(HINT);
    }

    /** DG087, for a target that writes the Dockerfile. */
    static Diagnostic required(Spec spec) {
        return Diagnostic.error(
                        Code.BUILD_STAGE_REQUIRED,
                        where(spec),
                        "the Dockerfile needs a build stage that holds the app, "
                                + "and neither the spec nor the command line names one")
                .withHint(HINT);
    }

    /**
     * Where a build stage would be named: the docker block, else the app statement, else the first
     * line.
     */
    private static SourceLocation where(Spec spec) {
        if (!spec.docker().at().equals(SourceLocation.NONE)) {
            return spec.docker().at();
        }
        return spec.app().map(app -> app.at()).orElse(new SourceLocation(1, 1, 1));
    }

    /** "a, b and c". */
    private static String words(List<String> names) {
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1))
                + " and "
                + names.get(names.size() - 1);
    }
}
