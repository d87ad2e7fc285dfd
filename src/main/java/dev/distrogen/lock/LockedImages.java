package dev.distrogen.lock;

import dev.distrogen.model.DockerBuilder;
import dev.distrogen.plan.ImagePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The image references a spec's Dockerfile pulls: the build stage (the spec's {@code docker { from
 * }}, or the nix image with {@code builder nix}) and the final stage's base (a distroless image or
 * the user's; scratch is none). A reference that already names a digest needs no lock.
 */
public final class LockedImages {

    private LockedImages() {}

    /**
     * The build stage's image as the spec gives it: docker { from }, else the nix image with
     * builder nix.
     */
    public static Optional<String> buildStage(ImagePlan plan, String nixImage) {
        return plan.docker()
                .from()
                .or(
                        () ->
                                plan.docker().builder() == DockerBuilder.NIX
                                        ? Optional.of(nixImage)
                                        : Optional.empty());
    }

    public static List<String> of(ImagePlan plan, String nixImage) {
        List<String> references = new ArrayList<>();
        buildStage(plan, nixImage).ifPresent(references::add);
        String base = plan.docker().baseImage();
        if (!base.equals("scratch")) {
            references.add(base);
        }
        return references.stream().filter(r -> !r.contains("@")).distinct().toList();
    }
}
