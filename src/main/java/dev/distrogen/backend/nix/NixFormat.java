package dev.distrogen.backend.nix;

import dev.distrogen.backend.escape.NixStrings;
import dev.distrogen.model.NixKeywords;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Nix values laid out as nixfmt (RFC 166) lays them out: non-empty attribute sets and lists of more
 * than one item on their own lines, two spaces a level, empty ones as { } and [ ].
 */
final class NixFormat {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_'-]*");

    /** A Nix value to lay out. */
    sealed interface Node {}

    /** Code written as is: an identifier, a path, a call on one line. */
    record Code(String code) implements Node {}

    /** A string: an indented string when it has several lines that fit one, else double-quoted. */
    record Str(String value) implements Node {}

    /** A list. */
    record ListOf(List<Node> items) implements Node {}

    /** An attribute set, in the order given. */
    record Attrs(List<Map.Entry<String, Node>> entries) implements Node {}

    /** {@code function argument}, the argument laid out after it. */
    record Call(String function, Node argument) implements Node {}

    private NixFormat() {}

    static String render(Node node, int level) {
        String pad = "  ".repeat(level);
        if (node instanceof Code code) {
            return code.code();
        }
        if (node instanceof Str str) {
            return string(str.value(), pad);
        }
        if (node instanceof Call call) {
            return call.function() + " " + render(call.argument(), level);
        }
        if (node instanceof ListOf list) {
            return list(list, level, pad);
        }
        Attrs attrs = (Attrs) node;
        if (attrs.entries().isEmpty()) {
            return "{ }";
        }
        StringBuilder out = new StringBuilder("{\n");
        for (Map.Entry<String, Node> e : attrs.entries()) {
            out.append(pad)
                    .append("  ")
                    .append(name(e.getKey()))
                    .append(" = ")
                    .append(render(e.getValue(), level + 1))
                    .append(";\n");
        }
        return out.append(pad).append('}').toString();
    }

    private static String list(ListOf list, int level, String pad) {
        if (list.items().isEmpty()) {
            return "[ ]";
        }
        Node only = list.items().get(0);
        if (list.items().size() == 1
                && !(only instanceof Attrs)
                && !(only instanceof Call)
                && !multiLine(only)) {
            return "[ " + render(only, level) + " ]";
        }
        StringBuilder out = new StringBuilder("[\n");
        for (Node item : list.items()) {
            // A call in a list needs parentheses: [ f x ] is a list of two items.
            String rendered = render(item, level + 1);
            out.append(pad)
                    .append("  ")
                    .append(item instanceof Call ? "(" + rendered + ")" : rendered)
                    .append('\n');
        }
        return out.append(pad).append(']').toString();
    }

    private static boolean multiLine(Node node) {
        return node instanceof Str s
                && NixStrings.fitsIndented(s.value())
                && s.value().indexOf('\n') < s.value().length() - 1;
    }

    /**
     * Several lines that fit: an indented string, each line indented one level deeper; else
     * double-quoted.
     */
    static String string(String value, String pad) {
        if (!NixStrings.fitsIndented(value) || value.indexOf('\n') == value.length() - 1) {
            return NixStrings.quoted(value);
        }
        StringBuilder out = new StringBuilder("''\n");
        for (String line : NixStrings.indentedLines(value)) {
            out.append(line.isEmpty() ? "" : pad + "  " + line).append('\n');
        }
        return out.append(pad).append("''").toString();
    }

    /**
     * An attribute name: bare when it is an identifier, else quoted
     * ("org.opencontainers.image.title").
     */
    static String name(String name) {
        return IDENTIFIER.matcher(name).matches() && !NixKeywords.contains(name)
                ? name
                : NixStrings.quoted(name);
    }
}
