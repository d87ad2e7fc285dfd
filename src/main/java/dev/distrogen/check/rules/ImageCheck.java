package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.ImageReference;
import dev.distrogen.model.Label;
import dev.distrogen.model.Located;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DG075: an image name or tag that registries refuse, or a default name (the app's) that is one;
 * DG076: a label key that is malformed or repeated, or a label or description value with a line
 * break or control character, which a Dockerfile's LABEL cannot hold.
 */
public final class ImageCheck implements Check {

    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        spec.image()
                .ifPresent(
                        image -> {
                            if (!ImageReference.isName(image.name().value())) {
                                found.add(
                                        Diagnostic.error(
                                                        Code.IMAGE_REFERENCE,
                                                        image.name().at(),
                                                        "image name \""
                                                                + image.name().value()
                                                                + "\" is not a valid repository name")
                                                .withHint(
                                                        "use lower-case letters, digits and `.`, `_`, `-` separated by `/`, e.g. \"acme/my-app\""));
                            }
                            image.tag()
                                    .filter(t -> !ImageReference.isTag(t.value()))
                                    .ifPresent(
                                            t ->
                                                    found.add(
                                                            Diagnostic.error(
                                                                            Code.IMAGE_REFERENCE,
                                                                            t.at(),
                                                                            "tag \""
                                                                                    + t.value()
                                                                                    + "\" is not a valid image tag")
                                                                    .withHint(
                                                                            "a tag has at most 128 letters, digits, `_`, `.` and `-`, not starting with `.` or `-`")));
                            image.digest()
                                    .filter(d -> !ImageReference.isDigest(d.value()))
                                    .ifPresent(
                                            d ->
                                                    found.add(
                                                            Diagnostic.error(
                                                                            Code.IMAGE_REFERENCE,
                                                                            d.at(),
                                                                            "digest \""
                                                                                    + d.value()
                                                                                    + "\" is not an image digest")
                                                                    .withHint(
                                                                            "write it as the registry prints it: \"sha256:\" and 64 hex digits")));
                        });
        if (spec.image().isEmpty()) {
            spec.app()
                    .filter(app -> !ImageReference.isName(app.name().value()))
                    .ifPresent(
                            app ->
                                    found.add(
                                            Diagnostic.error(
                                                            Code.IMAGE_REFERENCE,
                                                            app.name().at(),
                                                            "the image is named after the app, but \""
                                                                    + app.name().value()
                                                                    + "\" is not a valid repository name")
                                                    .withHint(
                                                            "name the image: image \"my-app\" tag \"1.0\"")));
        }
        spec.description().ifPresent(d -> singleLine("description", d, found));
        Map<String, Label> seen = new HashMap<>();
        for (Label label : spec.labels()) {
            String key = label.key().value();
            if (!LABEL_KEY.matcher(key).matches()) {
                found.add(
                        Diagnostic.error(
                                        Code.LABEL,
                                        label.key().at(),
                                        "label key \"" + key + "\" is not a valid key")
                                .withHint(
                                        "use reverse-DNS keys such as \"org.opencontainers.image.source\""));
            }
            singleLine("label " + key, label.value(), found);
            Label earlier = seen.putIfAbsent(key, label);
            if (earlier != null) {
                found.add(
                        Diagnostic.error(
                                        Code.LABEL,
                                        label.key().at(),
                                        "label \""
                                                + key
                                                + "\" is set twice; the first is at line "
                                                + earlier.key().at().line())
                                .withHint("keep one of them"));
            }
        }
        return found;
    }

    private static void singleLine(String what, Located<String> value, List<Diagnostic> found) {
        if (value.value().chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
            found.add(
                    Diagnostic.error(
                                    Code.LABEL,
                                    value.at(),
                                    "the value of "
                                            + what
                                            + " holds a line break or control character, which a Dockerfile's LABEL cannot hold")
                            .withHint("keep it on one line"));
        }
    }
}
