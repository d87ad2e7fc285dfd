package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.diagnostic.Suggestions;
import dev.distrogen.model.Spec;
import java.util.List;

/** DG077: {@code sbom} is neither {@code on} nor {@code off}. */
public final class SbomCheck implements Check {

    /** The values of {@code sbom}. */
    public static final List<String> VALUES = List.of("on", "off");

    @Override
    public List<Diagnostic> check(Spec spec) {
        return spec.sbom()
                .filter(s -> !VALUES.contains(s.value()))
                .map(
                        s ->
                                List.of(
                                        Diagnostic.error(
                                                        Code.SBOM,
                                                        s.at(),
                                                        "unknown sbom setting `"
                                                                + s.value()
                                                                + "`"
                                                                + Suggestions.didYouMean(
                                                                        s.value(), VALUES))
                                                .withHint(
                                                        "`sbom on` (the default) writes package "
                                                                + "metadata for vulnerability scanners into the image; `sbom off` leaves it out")))
                .orElse(List.of());
    }
}
