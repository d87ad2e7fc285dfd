package dev.distrogen.diagnostic;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a run, so they are all reported at once, sorted. */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();

    public void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public void addAll(List<Diagnostic> diagnostics) {
        items.addAll(diagnostics);
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    public long count(Severity severity) {
        return items.stream().filter(d -> d.severity() == severity).count();
    }

    /** All problems in source order. */
    public List<Diagnostic> sorted() {
        return items.stream().sorted(Diagnostic.ORDER).distinct().toList();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** "2 errors, 1 warning", or "no problems". */
    public String summary() {
        long errors = count(Severity.ERROR);
        long warnings = count(Severity.WARNING);
        if (errors == 0 && warnings == 0) {
            return "no problems";
        }
        List<String> parts = new ArrayList<>();
        if (errors > 0) {
            parts.add(plural(errors, "error"));
        }
        if (warnings > 0) {
            parts.add(plural(warnings, "warning"));
        }
        return String.join(", ", parts);
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
