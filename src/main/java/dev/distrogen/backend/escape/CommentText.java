package dev.distrogen.backend.escape;

/**
 * Text in a one-line comment of a generated file (the spec's file name in each header): what a file
 * name may hold that a comment line cannot is replaced by "?". Line breaks of any language (\n, \r,
 * U+0085, U+2028, U+2029, which YAML 1.1 readers such as PyYAML break lines at), other control and
 * format characters (NUL, ESC, bidirectional overrides, byte-order marks), lone surrogates and
 * non-characters (which YAML refuses).
 */
public final class CommentText {

    private CommentText() {}

    /** {@code s} as text that cannot end the comment line it stands in. */
    public static String line(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints()
                .forEach(
                        c -> {
                            if (shown(c)) {
                                out.appendCodePoint(c);
                            } else {
                                out.append('?');
                            }
                        });
        return out.toString();
    }

    /**
     * {@link #line}, and no "--" either, so it cannot close an HTML comment (neither "-->" nor
     * "--!>").
     */
    public static String inHtmlComment(String s) {
        String text = line(s);
        while (text.contains("--")) {
            text = text.replace("--", "- -");
        }
        return text;
    }

    private static boolean shown(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE,
                    Character.UNASSIGNED ->
                    false;
            default -> true;
        };
    }
}
