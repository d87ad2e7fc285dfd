package dev.distrogen.diagnostic;

import dev.distrogen.model.SourceLocation;
import java.util.List;

/**
 * Renders diagnostics as compilers do:
 *
 * <pre>
 * nginx.dl:7:5: error[DG012]: duplicate dir "/var/lib/app"
 *     7 |     "/var/lib/app" owner "nginx"
 *       |     ^~~~~~~~~~~~~~
 *       = hint: remove one of them
 * </pre>
 */
public final class DiagnosticFormatter {

    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String BOLD = "\u001b[1m";
    private static final String CYAN = "\u001b[36m";
    private static final String RESET = "\u001b[0m";

    private final boolean color;

    public DiagnosticFormatter(boolean color) {
        this.color = color;
    }

    /** Every diagnostic, then the summary line; each line ends with "\n". */
    public String format(SpecSource source, List<Diagnostic> diagnostics, String summary) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            out.append(format(source, d));
        }
        out.append(paint(BOLD, summary)).append('\n');
        return out.toString();
    }

    public String format(SpecSource source, Diagnostic d) {
        StringBuilder out = new StringBuilder();
        SourceLocation at = d.at();
        String severityColor = d.severity() == Severity.ERROR ? RED : YELLOW;
        out.append(paint(BOLD, source.displayName() + ":" + at.line() + ":" + at.column() + ":"))
                .append(' ')
                .append(paint(severityColor, d.severity().label() + "[" + d.code().id() + "]:"))
                .append(' ')
                .append(d.message())
                .append('\n');
        String gutter = " ".repeat(Integer.toString(at.line()).length());
        if (at.line() > 0) {
            String line = source.line(at.line());
            out.append(' ').append(at.line()).append(" | ").append(line).append('\n');
            out.append(' ').append(gutter).append(" | ").append(paint(severityColor, caret(line, at))).append('\n');
        }
        d.hint().ifPresent(h -> out.append(' ').append(gutter).append(" = ").append(paint(CYAN, "hint:")).append(' ')
                .append(h).append('\n'));
        return out.toString();
    }

    /** Spaces (tabs kept, so the caret lines up) up to the column, then ^~~~ over the token's first line. */
    private static String caret(String line, SourceLocation at) {
        int start = Math.max(0, Math.min(at.column() - 1, line.length()));
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < start; i++) {
            pad.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        int width = Math.max(1, Math.min(at.length(), line.length() - start));
        return pad + "^" + "~".repeat(width - 1);
    }

    private String paint(String code, String text) {
        return color ? code + text + RESET : text;
    }
}
