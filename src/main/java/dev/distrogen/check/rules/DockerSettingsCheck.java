package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.diagnostic.Suggestions;
import dev.distrogen.model.DockerBase;
import dev.distrogen.model.DockerBuilder;
import dev.distrogen.model.DockerSettings;
import dev.distrogen.model.ImageReference;
import dev.distrogen.model.Located;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * DG070: {@code base} names no known base; DG071: {@code builder} is neither image nor nix; DG075:
 * {@code from} or a quoted {@code base} is not an image reference.
 */
public final class DockerSettingsCheck implements Check {

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        DockerSettings docker = spec.docker();
        docker.baseWord()
                .filter(w -> DockerBase.ofWord(w.value()).isEmpty())
                .ifPresent(
                        w ->
                                found.add(
                                        Diagnostic.error(
                                                        Code.DOCKER_BASE,
                                                        w.at(),
                                                        "unknown base `"
                                                                + w.value()
                                                                + "`"
                                                                + Suggestions.didYouMean(
                                                                        w.value(),
                                                                        DockerBase.words()))
                                                .withHint(
                                                        "the bases are "
                                                                + String.join(
                                                                        ", ", DockerBase.words())
                                                                + ", or an image reference in quotes: base \"gcr.io/distroless/java17-debian12\"")));
        docker.builder()
                .filter(b -> DockerBuilder.ofWord(b.value()).isEmpty())
                .ifPresent(
                        b ->
                                found.add(
                                        Diagnostic.error(
                                                        Code.DOCKER_BUILDER,
                                                        b.at(),
                                                        "unknown builder `"
                                                                + b.value()
                                                                + "`"
                                                                + Suggestions.didYouMean(
                                                                        b.value(),
                                                                        DockerBuilder.words()))
                                                .withHint(
                                                        "`builder image` copies the app from `from`; `builder nix` "
                                                                + "installs the nix package in a nixos/nix stage")));
        docker.from().ifPresent(f -> reference("from", f, found));
        docker.baseImage().ifPresent(b -> reference("base", b, found));
        return found;
    }

    private static void reference(String what, Located<String> image, List<Diagnostic> found) {
        if (!ImageReference.isReference(image.value())) {
            found.add(
                    Diagnostic.error(
                                    Code.IMAGE_REFERENCE,
                                    image.at(),
                                    "`"
                                            + what
                                            + "` \""
                                            + image.value()
                                            + "\" is not a valid image reference")
                            .withHint(
                                    "write it as docker pull takes it, e.g. \"nginx:1.27-alpine\""));
        }
    }
}
