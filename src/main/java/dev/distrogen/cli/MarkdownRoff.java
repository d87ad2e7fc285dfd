package dev.distrogen.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build time: a man page in roff from a Markdown page of docs/ (distrogen.dl(5) from
 * docs/language.md), for the Markdown that page uses: headings, paragraphs, fenced code blocks,
 * pipe tables, bullet lists, and in text `code`, **bold** and [links](target). Every character that
 * means something to roff is escaped: a backslash, a line starting with {@code .} or {@code '}, and
 * in code the minus, quotes and accents that roff would typeset.
 */
final class MarkdownRoff {

    private static final Pattern INLINE =
            Pattern.compile("`([^`]+)`|\\*\\*(.+?)\\*\\*|\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(#{1,6}) +(.*)");
    private static final Pattern BULLET = Pattern.compile("[-*] +(.*)");

    /**
     * What the page is: its name, section, one line for NAME, and the header's centre and footer
     * texts.
     */
    record Page(
            String name, int section, String summary, String date, String source, String manual) {}

    private final StringBuilder out = new StringBuilder();

    private MarkdownRoff() {}

    /**
     * The roff page of {@code markdown}: its first heading is the page's title (NAME gets {@code
     * page.summary()}), the text before the first {@code ##} its DESCRIPTION, each {@code ##} a
     * section, each deeper heading a subsection; {@code seeAlso} ends it.
     */
    static String convert(String markdown, Page page, List<String> seeAlso) {
        MarkdownRoff roff = new MarkdownRoff();
        roff.out
                .append(
                        ".\\\" Made from Markdown by distrogen's build (MarkdownRoff): edit the Markdown, not this file.\n")
                .append(".TH ")
                .append(quoted(page.name().toUpperCase(Locale.ROOT)))
                .append(' ')
                .append(page.section())
                .append(' ')
                .append(quoted(page.date()))
                .append(' ')
                .append(quoted(page.source()))
                .append(' ')
                .append(quoted(page.manual()))
                .append("\n.nh\n.SH NAME\n")
                .append(escape(page.name()))
                .append(" \\- ")
                .append(escape(page.summary()))
                .append("\n.SH DESCRIPTION\n");
        roff.blocks(markdown.replace("\r\n", "\n").lines().toList());
        if (!seeAlso.isEmpty()) {
            roff.out
                    .append(".SH \"SEE ALSO\"\n")
                    .append(
                            String.join(
                                    ",\n", seeAlso.stream().map(MarkdownRoff::reference).toList()))
                    .append('\n');
        }
        return roff.out.toString();
    }

    private void blocks(List<String> lines) {
        boolean titleSeen = false;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher heading = HEADING.matcher(line);
            if (line.isBlank()) {
                i++;
            } else if (heading.matches()) {
                int level = heading.group(1).length();
                if (level == 1 && !titleSeen) {
                    titleSeen = true; // the page's title: NAME says it
                } else if (level <= 2) {
                    out.append(".SH ")
                            .append(quoted(inline(heading.group(2).toUpperCase(Locale.ROOT))))
                            .append('\n');
                } else {
                    out.append(".SS ").append(quoted(inline(heading.group(2)))).append('\n');
                }
                i++;
            } else if (line.startsWith("```")) {
                i = codeBlock(lines, i + 1);
            } else if (line.startsWith("|")) {
                i = table(lines, i);
            } else if (BULLET.matcher(line).matches()) {
                i = list(lines, i);
            } else {
                i = paragraph(lines, i);
            }
        }
    }

    private int codeBlock(List<String> lines, int start) {
        out.append(".PP\n.RS 4\n.nf\n");
        int i = start;
        for (; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
            out.append(guardLineStart(code(lines.get(i)))).append('\n');
        }
        out.append(".fi\n.RE\n");
        return i + 1;
    }

    private int paragraph(List<String> lines, int start) {
        out.append(".PP\n");
        int i = start;
        for (; i < lines.size() && continuesParagraph(lines.get(i)); i++) {
            out.append(guardLineStart(inline(lines.get(i).strip()))).append('\n');
        }
        return i;
    }

    private int list(List<String> lines, int start) {
        int i = start;
        while (i < lines.size() && BULLET.matcher(lines.get(i)).matches()) {
            Matcher item = BULLET.matcher(lines.get(i));
            item.matches();
            out.append(".IP \\(bu 2\n").append(guardLineStart(inline(item.group(1)))).append('\n');
            // An item's continuation lines are indented.
            for (i++;
                    i < lines.size() && lines.get(i).startsWith("  ") && !lines.get(i).isBlank();
                    i++) {
                out.append(guardLineStart(inline(lines.get(i).strip()))).append('\n');
            }
        }
        return i;
    }

    private static boolean continuesParagraph(String line) {
        return !line.isBlank()
                && !HEADING.matcher(line).matches()
                && !line.startsWith("```")
                && !line.startsWith("|")
                && !BULLET.matcher(line).matches();
    }

    /**
     * A pipe table, as man pages list settings: each row a tagged paragraph, its first cell the
     * tag, then the other cells, each after its column's header ("Default: ...") but a "meaning"
     * column's. Not tbl: a terminal is too narrow for three columns of prose.
     */
    private int table(List<String> lines, int start) {
        List<List<String>> rows = new ArrayList<>();
        int i = start;
        for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            if (!lines.get(i).matches("\\|[\\s:|-]+\\|?")) { // not the |---|---| line
                rows.add(cells(lines.get(i)));
            }
        }
        List<String> headers = rows.get(0);
        for (List<String> row : rows.subList(1, rows.size())) {
            out.append(".TP\n").append(guardLineStart(inline(row.get(0)))).append('\n');
            List<String> parts = new ArrayList<>();
            for (int c = 1; c < row.size() && c < headers.size(); c++) {
                String header = headers.get(c);
                String label =
                        header.equalsIgnoreCase("meaning")
                                ? ""
                                : header.substring(0, 1).toUpperCase(Locale.ROOT)
                                        + header.substring(1)
                                        + ": ";
                parts.add(guardLineStart(inline(label + row.get(c))));
            }
            out.append(String.join("\n.br\n", parts)).append('\n');
        }
        return i;
    }

    /** The cells of a table row: split at each | that is not escaped as \|. */
    private static List<String> cells(String row) {
        String inner = row.strip().replaceAll("^\\|", "").replaceAll("(?<!\\\\)\\|$", "");
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.strip().replace("\\|", "|"));
        }
        return cells;
    }

    /**
     * Text with `code` (bold, as man pages show literals), **bold** and links (their text),
     * escaped.
     */
    private static String inline(String text) {
        StringBuilder result = new StringBuilder();
        Matcher m = INLINE.matcher(text);
        int last = 0;
        while (m.find()) {
            result.append(escape(text.substring(last, m.start())));
            if (m.group(1) != null) {
                result.append("\\fB").append(code(m.group(1))).append("\\fR");
            } else if (m.group(2) != null) {
                result.append("\\fB").append(escape(m.group(2))).append("\\fR");
            } else {
                result.append(escape(m.group(3)));
                if (m.group(4).contains("://")) {
                    result.append(" <").append(code(m.group(4))).append('>');
                }
            }
            last = m.end();
        }
        return result.append(escape(text.substring(last))).toString();
    }

    /** Text for roff: a backslash stands for itself; a character beyond ASCII as its code point. */
    static String escape(String text) {
        StringBuilder result = new StringBuilder();
        text.codePoints()
                .forEach(
                        c -> {
                            if (c == '\\') {
                                result.append("\\e");
                            } else if (c > 126) {
                                result.append(String.format(Locale.ROOT, "\\[u%04X]", c));
                            } else {
                                result.appendCodePoint(c);
                            }
                        });
        return result.toString();
    }

    /**
     * A literal, as typed: roff would make - a hyphen, ' and ` typographic quotes, ^ and ~ accents.
     */
    static String code(String text) {
        return escape(text)
                .replace("-", "\\-")
                .replace("'", "\\(aq")
                .replace("`", "\\(ga")
                .replace("^", "\\(ha")
                .replace("~", "\\(ti");
    }

    /** A line that starts with . or ' would be a request: \& in front makes it text. */
    static String guardLineStart(String line) {
        return line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line;
    }

    /** A macro argument in double quotes (a " inside as \(dq). */
    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\\(dq") + "\"";
    }

    /** "distrogen(1)" as a reference: the name bold. */
    private static String reference(String page) {
        int paren = page.indexOf('(');
        return "\\fB" + escape(page.substring(0, paren)) + "\\fR" + page.substring(paren);
    }
}
