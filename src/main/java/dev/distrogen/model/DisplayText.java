package dev.distrogen.model;

/**
 * Spec strings as a person sees them, on a terminal or a page (diagnostics, {@code check},
 * plan.txt, IMAGE.md): nothing in them may move the cursor, break a line the reader does not see
 * break, or reorder what is shown ({@code "safe\u202Etxt.exe"} would show as "safeexe.txt"). One
 * character for one, so a caret under a column still points at it: C0 controls become their visible
 * symbols (NUL U+2400, ESC U+241B, DEL U+2421); C1 controls (NEL U+0085 among them), LINE and
 * PARAGRAPH SEPARATOR (U+2028, U+2029) and the bidirectional controls (embeddings and overrides
 * U+202A-U+202E, isolates U+2066-U+2069, marks U+200E, U+200F, U+061C) become U+FFFD. Tabs stay. It
 * lives in the model, the layer below both diagnostics and backends, which use it.
 */
public final class DisplayText {

    private DisplayText() {}

    /**
     * {@code s} as one line of display text: a line break in it is shown as its symbol (U+240A).
     */
    public static String line(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append(shown(s.charAt(i)));
        }
        return out.toString();
    }

    /**
     * {@code s} as lines of display text: its "\n" line breaks stay, each line as {@link #line}.
     */
    public static String lines(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c == '\n' ? c : shown(c));
        }
        return out.toString();
    }

    private static char shown(char c) {
        if (c == '\t') {
            return c;
        }
        if (c < 0x20) {
            return (char) (0x2400 + c);
        }
        if (c == 0x7f) {
            return '\u2421';
        }
        return hidden(c) ? '\ufffd' : c;
    }

    private static boolean hidden(char c) {
        return (c >= 0x80 && c <= 0x9f)
                || c == '\u2028'
                || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e'
                || c == '\u200f'
                || c == '\u061c';
    }
}
