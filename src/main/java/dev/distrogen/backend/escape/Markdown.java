package dev.distrogen.backend.escape;

/** Markdown: spec strings as inline code and as table cells, unable to break out of either. */
public final class Markdown {

    private Markdown() {}

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

    /**
     * Plain text standing as a paragraph or a heading of its own: {@link #text}, and nothing at its
     * start that Markdown reads as a block: no indented code (leading blanks are dropped, as a
     * paragraph drops them), no fence (~~~, ```), list item (-, +, *, 1., 1)), quote (>), rule or
     * setext underline (---, ***, ===), heading (#), table or HTML block.
     */
    public static String line(String s) {
        String t = text(s).strip();
        if (!t.isEmpty() && "-+=>".indexOf(t.charAt(0)) >= 0) {
            return "\\" + t;
        }
        return t.replaceFirst("^([0-9]{1,9})([.)])", "$1\\\\$2");
    }

    /** Plain text in a table cell or a line: no line breaks, |, or leading markup. */
    public static String text(String s) {
        return s.replace("\\", "\\\\")
                .replace("&", "&amp;")
                .replace("|", "\\|")
                .replace("\n", " ")
                .replace("\r", " ")
                .replace("<", "&lt;")
                .replace("*", "\\*")
                .replace("_", "\\_")
                .replace("`", "\\`")
                .replace("[", "\\[")
                .replace("#", "\\#")
                .replace("~", "\\~");
    }
}
