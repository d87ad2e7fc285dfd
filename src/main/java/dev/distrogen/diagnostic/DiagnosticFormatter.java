package dev.distrogen.diagnostic;

import dev.distrogen.model.DisplayText;
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

    /** At most this many diagnostics are shown; the rest are counted in one line. */
    public static final int MAX_SHOWN = 50;

    /** The excerpt of a long source line: this many characters around the column. */
    static final int EXCERPT = 100;

    /** A message or hint longer than this (one quoting a huge token) is cut. */
    static final int MAX_MESSAGE = 400;

    private final boolean color;

    public DiagnosticFormatter(boolean color) {
        this.color = color;
    }

    /**
     * The first {@value #MAX_SHOWN} diagnostics, a line counting the others, then the summary line;
     * each line ends with "\n". The output is bounded whatever the spec: each excerpt is a window
     * around the column and each message is cut at {@value #MAX_MESSAGE} characters.
     */
    public String format(SpecSource source, List<Diagnostic> diagnostics, String summary) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics.subList(0, Math.min(MAX_SHOWN, diagnostics.size()))) {
            out.append(format(source, d));
        }
        if (diagnostics.size() > MAX_SHOWN) {
            out.append("... and ").append(diagnostics.size() - MAX_SHOWN).append(" more\n");
        }
        out.append(paint(BOLD, summary)).append('\n');
        return out.toString();
    }

    public String format(SpecSource source, Diagnostic d) {
        StringBuilder out = new StringBuilder();
        SourceLocation at = d.at();
        String severityColor = d.severity() == Severity.ERROR ? RED : YELLOW;
        out.append(
                        paint(
                                BOLD,
                                DisplayText.line(source.displayName())
                                        + ":"
                                        + at.line()
                                        + ":"
                                        + at.column()
                                        + ":"))
                .append(' ')
                .append(paint(severityColor, d.severity().label() + "[" + d.code().id() + "]:"))
                .append(' ')
                .append(shown(d.message()))
                .append('\n');
        String gutter = " ".repeat(Integer.toString(at.line()).length());
        if (at.line() > 0) {
            String line = source.line(at.line());
            int from =
                    Math.max(0, Math.min(at.column() - 1 - EXCERPT / 2, line.length() - EXCERPT));
            int to = Math.min(line.length(), from + EXCERPT);
            String window = DisplayText.line(line.substring(from, to));
            SourceLocation inWindow =
                    new SourceLocation(at.line(), at.column() - from, at.length());
            String before = from > 0 ? "..." : "";
            out.append(' ')
                    .append(at.line())
                    .append(" | ")
                    .append(before)
                    .append(window)
                    .append(to < line.length() ? "..." : "")
                    .append('\n');
            out.append(' ')
                    .append(gutter)
                    .append(" | ")
                    .append(" ".repeat(before.length()))
                    .append(paint(severityColor, caret(window, inWindow)))
                    .append('\n');
        }
        d.hint()
                .ifPresent(
                        h ->
                                out.append(' ')
                                        .append(gutter)
                                        .append(" = ")
                                        .append(paint(CYAN, "hint:"))
                                        .append(' ')
                                        .append(shown(h))
                                        .append('\n'));
        return out.toString();
    }

    /**
     * A message as shown: as {@link DisplayText#line} shows it, cut when it would run on and on.
     */
    private static String shown(String message) {
        String text = DisplayText.line(message);
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
    }

    /**
     * Spaces (tabs kept, so the caret lines up) up to the column, then ^~~~ over the token's first
     * line.
     */
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
