package dev.distrogen.parse;

import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.Spec;
import java.util.List;
import java.util.Optional;

/** The model built from a spec, if its syntax allowed one, and the problems found on the way. */
public record ParseResult(Optional<Spec> spec, List<Diagnostic> diagnostics) {

    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
