package dev.distrogen.backend.escape;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Nix string literals and path expressions. */
public final class NixStrings {

    private static final Pattern PATH_LITERAL =
            Pattern.compile("[a-zA-Z0-9._+-]+(/[a-zA-Z0-9._+-]+)*");

    private NixStrings() {}

    /** A double-quoted string: \, " and ${ escaped, line breaks and tabs as \n, \r and \t. */
    public static String quoted(String s) {
        requireNoNul(s);
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '$' -> out.append(i + 1 < s.length() && s.charAt(i + 1) == '{' ? "\\$" : "$");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /**
     * Whether {@code text} can be written as an indented string ('' ... '') that gives it back
     * exactly: lines each ended by a line break, no carriage return, and a line that starts with no
     * space. Nix strips the spaces common to every non-blank line, so the text's own common
     * indentation would be lost; such a text is written double-quoted instead.
     */
    public static boolean fitsIndented(String text) {
        if (text.isEmpty()
                || !text.endsWith("\n")
                || text.indexOf('\r') >= 0
                || text.indexOf('\0') >= 0) {
            return false;
        }
        return text.lines().anyMatch(line -> !line.isBlank() && !line.startsWith(" "));
    }

    /**
     * The lines of an indented string for {@code text} (which {@link #fitsIndented} accepts),
     * without the surrounding '' and unindented, each escaped by {@link #escapeIndented}.
     */
    public static List<String> indentedLines(String text) {
        if (!fitsIndented(text)) {
            throw new IllegalArgumentException("not for an indented string: " + quoted(text));
        }
        // split, not lines(): lines() drops a text's trailing empty lines.
        return Arrays.stream(text.substring(0, text.length() - 1).split("\n", -1))
                .map(NixStrings::escapeIndented)
                .toList();
    }

    /**
     * A fragment of an indented string's content, escaped so that Nix reads it back exactly
     * whatever runs of quotes and dollars it holds: a quote before another quote or a dollar
     * becomes the escape ''\' (so it never pairs up with what follows), and ${ becomes ''${.
     * Replacing '' by ''' and then ${ by ''${ is not enough: '${ would become '''${, which Nix
     * reads as an escaped '' followed by an antiquotation that runs. The caller must not follow the
     * fragment with a quote or a dollar (a space or the end of the line is fine).
     */
    public static String escapeIndented(String fragment) {
        requireNoNul(fragment);
        StringBuilder out = new StringBuilder(fragment.length() + 8);
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            char next = i + 1 < fragment.length() ? fragment.charAt(i + 1) : '\n';
            if (c == '\'' && (next == '\'' || next == '$')) {
                out.append("''\\'");
            } else if (c == '$' && next == '{') {
                out.append("''$");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A path expression for a file beside the expression: a path literal ({@code ./nginx.conf})
     * where the name allows one, else {@code ./. + "/name"}, which takes any name.
     */
    public static String relativePath(String name) {
        return PATH_LITERAL.matcher(name).matches()
                ? "./" + name
                : "(./. + " + quoted("/" + name) + ")";
    }

    private static void requireNoNul(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Nix strings cannot hold a NUL character");
        }
    }
}
