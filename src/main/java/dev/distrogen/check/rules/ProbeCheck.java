package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.diagnostic.Suggestions;
import dev.distrogen.model.DockerBuilder;
import dev.distrogen.model.HealthDecl;
import dev.distrogen.model.Located;
import dev.distrogen.model.ProbeMode;
import dev.distrogen.model.Spec;
import java.util.List;
import java.util.Optional;

/**
 * DG088: docker {@code probe} is not on, off or trace; DG093: it asks for a probe the spec gives
 * nothing to send (no {@code health http} or {@code health tcp}); DG094: {@code probe trace} with
 * {@code builder nix}.
 */
public final class ProbeCheck implements Check {

    @Override
    public List<Diagnostic> check(Spec spec) {
        Optional<Located<String>> setting = spec.docker().probe();
        if (setting.isEmpty()) {
            return List.of();
        }
        Located<String> probe = setting.get();
        Optional<ProbeMode> mode = ProbeMode.ofWord(probe.value());
        if (mode.isEmpty()) {
            return List.of(
                    Diagnostic.error(
                                    Code.PROBE_SETTING,
                                    probe.at(),
                                    "unknown probe setting `"
                                            + probe.value()
                                            + "`"
                                            + Suggestions.didYouMean(
                                                    probe.value(), ProbeMode.words()))
                            .withHint(
                                    "`probe on` (the default with health http or tcp) sends the health check to the app"
                                            + " in the build stage; `probe off` does not; `probe trace` also finds what it loads"));
        }
        if (mode.get() == ProbeMode.OFF) {
            return List.of();
        }
        boolean declared = spec.health().map(h -> h.kind() != HealthDecl.Kind.NONE).orElse(false);
        if (!declared) {
            return List.of(
                    Diagnostic.warning(
                                    Code.PROBE_WITHOUT_HEALTH,
                                    probe.at(),
                                    "`probe "
                                            + probe.value()
                                            + "` has nothing to send: the spec declares no health http or health tcp")
                            .withHint(
                                    "declare what answers when the app is up, e.g. health http \"/\" port 8080,"
                                            + " or remove the probe setting"));
        }
        boolean nix =
                spec.docker()
                        .builder()
                        .flatMap(b -> DockerBuilder.ofWord(b.value()))
                        .map(b -> b == DockerBuilder.NIX)
                        .orElse(false);
        if (mode.get() == ProbeMode.TRACE && nix) {
            return List.of(
                    Diagnostic.error(
                                    Code.TRACE_WITH_NIX,
                                    probe.at(),
                                    "`probe trace` cannot be used with `builder nix`")
                            .withHint(
                                    "a Nix closure already holds what the program loads; use `probe on` to prove it serves"));
        }
        return List.of();
    }
}
