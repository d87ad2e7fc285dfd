package dev.distrogen.parse;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.diagnostic.Diagnostics;
import dev.distrogen.model.SourceLocation;

/** The values of string literals and text blocks as the language defines them. */
final class StringLiterals {

    private StringLiterals() {}

    /**
     * The value of a double-quoted literal: {@code \"}, {@code \\}, {@code \n} and {@code \t} are
     * escapes; any other backslash sequence is reported at its own column. {@code $}, backticks and
     * {@code '} are plain characters.
     */
    static String unescape(String quoted, SourceLocation at, Diagnostics diagnostics) {
        String body = quoted.substring(1, quoted.length() - 1);
        StringBuilder value = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char next = body.charAt(++i);
            switch (next) {
                case '"', '\\' -> value.append(next);
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                default -> {
                    SourceLocation escapeAt = new SourceLocation(at.line(), at.column() + i, 2);
                    diagnostics.add(
                            Diagnostic.error(
                                            Code.BAD_ESCAPE,
                                            escapeAt,
                                            "unknown escape `\\" + next + "` in a string")
                                    .withHint(
                                            "the escapes are \\\" \\\\ \\n \\t; write `\\\\` for a backslash, or use a raw "
                                                    + "text block (text \"\"\" ... \"\"\") where backslashes stay as written"));
                    value.append('\\').append(next);
                }
            }
        }
        return value.toString();
    }

    /**
     * The value of a text block: raw (no escapes), the rest of the opening line dropped when blank,
     * and common indentation stripped as in Java text blocks (the closing delimiter's line counts).
     */
    static String textBlock(String quoted) {
        String body = quoted.substring(3, quoted.length() - 3);
        int newline = body.indexOf('\n');
        if (newline >= 0 && body.substring(0, newline).isBlank()) {
            body = body.substring(newline + 1);
        }
        return body.stripIndent();
    }
}
