package dev.distrogen.diagnostic;

import dev.distrogen.model.SourceLocation;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem in a spec: where, how bad, a stable {@link Code} (documented in docs/diagnostics.md), a message in
 * the user's terms, and a hint on how to fix it where one helps.
 */
public record Diagnostic(Severity severity, Code code, SourceLocation at, String message, Optional<String> hint) {

    /** Source order; at one place errors first, then by code, so output never depends on check order. */
    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::at)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }

    public static Diagnostic error(Code code, SourceLocation at, String message) {
        return of(Severity.ERROR, code, at, message);
    }

    public static Diagnostic warning(Code code, SourceLocation at, String message) {
        return of(Severity.WARNING, code, at, message);
    }

    private static Diagnostic of(Severity severity, Code code, SourceLocation at, String message) {
        if (code.severity() != severity) {
            throw new IllegalArgumentException(code.id() + " is always reported as " + code.severity());
        }
        return new Diagnostic(severity, code, at, message, Optional.empty());
    }

    public Diagnostic withHint(String text) {
        return new Diagnostic(severity, code, at, message, Optional.of(text));
    }
}
