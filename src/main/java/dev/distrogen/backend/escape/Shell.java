package dev.distrogen.backend.escape;

/** POSIX shell words. */
public final class Shell {

    private Shell() {}

    /**
     * {@code s} as one single-quoted word: nothing inside is special to the shell ($, `, \, ;,
     * spaces), and a quote is written '\''. A line break would end a Dockerfile RUN line, so it is
     * refused: multi-line text is split into lines by the caller.
     */
    public static String quote(String s) {
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(
                    "a line break cannot stand in one shell word of a RUN line");
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * {@code s} on one line of a data file that a build script reads back with {@code printf '%b'}:
     * a backslash doubled, every control character (line breaks included) as {@code \0ooo}, its
     * octal code; the rest as it is. No shell ever reads the line as code.
     */
    public static String printfData(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format(java.util.Locale.ROOT, "\\0%03o", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * {@code s} as it would be typed: bare when nothing in it is special to the shell, else quoted.
     */
    public static String word(String s) {
        return !s.isEmpty() && s.matches("[A-Za-z0-9_./:=,@%+-]+") ? s : quote(s);
    }
}
