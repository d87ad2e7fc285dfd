package dev.distrogen.backend.escape;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON text: string escaping (used for exec-form arrays and labels as well as the json target) and
 * a small deterministic pretty-printer over maps, lists, strings, numbers and booleans.
 */
public final class Json {

    private Json() {}

    /**
     * The JSON string literal for {@code s}: quotes, backslashes and control characters escaped.
     */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A one-line array of strings: ["a", "b"], as exec form takes it. */
    public static String array(List<String> items) {
        return "[" + String.join(", ", items.stream().map(Json::quote).toList()) + "]";
    }

    /**
     * Pretty-printed JSON of nested maps (in their iteration order), lists and scalars, with a
     * final newline.
     */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.append('\n').toString();
    }

    private static void write(Object value, int depth, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            writeMap(map, depth, out);
        } else if (value instanceof List<?> list) {
            writeList(list, depth, out);
        } else if (value instanceof String s) {
            out.append(quote(s));
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value == null) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    private static void writeMap(Map<?, ?> map, int depth, StringBuilder out) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append("  ".repeat(depth + 1)).append(quote(e.getKey().toString())).append(": ");
            write(e.getValue(), depth + 1, out);
            out.append(++i < map.size() ? ",\n" : "\n");
        }
        out.append("  ".repeat(depth)).append('}');
    }

    private static void writeList(List<?> list, int depth, StringBuilder out) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        for (int i = 0; i < list.size(); i++) {
            out.append("  ".repeat(depth + 1));
            write(list.get(i), depth + 1, out);
            out.append(i + 1 < list.size() ? ",\n" : "\n");
        }
        out.append("  ".repeat(depth)).append(']');
    }
}
