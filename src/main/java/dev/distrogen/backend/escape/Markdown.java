package dev.distrogen.backend.escape;

/** Markdown: spec strings as inline code and as table cells, unable to break out of either. */
public final class Markdown {

    private Markdown() {
    }

    /**
     * Inline code for a table cell: fenced with one more backtick than the longest run inside,
     * padded when it touches one, and | written \| as GitHub's tables need it.
     */
    public static String code(String s) {
        String flat = s.replace('\n', ' ').replace('\r', ' ').replace("|", "\\|");
        int longest = 0;
        int run = 0;
        for (char c : flat.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = flat.startsWith("`") || flat.endsWith("`") || flat.isEmpty();
        return fence + (pad ? " " : "") + flat + (pad ? " " : "") + fence;
    }

    /** Plain text in a table cell or a line: no line breaks, |, or leading markup. */
    public static String text(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ")
                .replace("<", "&lt;").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
                .replace("[", "\\[").replace("#", "\\#");
    }
}
