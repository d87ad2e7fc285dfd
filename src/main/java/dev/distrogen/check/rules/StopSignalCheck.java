package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.diagnostic.Suggestions;
import dev.distrogen.model.Spec;
import dev.distrogen.model.StopSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** DG060: {@code stop} names no Linux signal. */
public final class StopSignalCheck implements Check {

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        spec.app()
                .flatMap(app -> app.stopSignal())
                .ifPresent(
                        signal -> {
                            if (StopSignal.canonical(signal.value()).isEmpty()) {
                                String upper = signal.value().toUpperCase(Locale.ROOT);
                                String guess = upper.startsWith("SIG") ? upper : "SIG" + upper;
                                found.add(
                                        Diagnostic.error(
                                                        Code.STOP_SIGNAL,
                                                        signal.at(),
                                                        "unknown stop signal \""
                                                                + signal.value()
                                                                + "\""
                                                                + Suggestions.didYouMean(
                                                                        guess, StopSignal.NAMES))
                                                .withHint(
                                                        "name a Linux signal such as SIGTERM (the default), SIGQUIT or SIGINT, or give its number"));
                            }
                        });
        return found;
    }
}
