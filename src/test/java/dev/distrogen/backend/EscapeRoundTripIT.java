package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distrogen.Tools;
import dev.distrogen.backend.escape.NixStrings;
import dev.distrogen.backend.escape.Shell;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each escaping function, read back by the real reader of its language: sh, nix-instantiate. */
class EscapeRoundTripIT {

    private static final List<String> HOSTILE =
            List.of(
                    "plain",
                    "it's",
                    "''",
                    "'''",
                    "a''${b}",
                    "${x}",
                    "$x",
                    "$${x}",
                    "\\",
                    "\\${x}",
                    "\"",
                    "`id`",
                    "$(id)",
                    "; rm -rf /",
                    "ends with '",
                    "é ✓",
                    " spaces ",
                    "",
                    "${builtins.abort \"x\"}");

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void shellQuote_isReadBackExactly_byDash() throws Exception {
        for (String s : HOSTILE) {
            assertEquals(s, run(List.of("sh", "-c", "printf '%s' " + Shell.quote(s))), s);
        }
        assertThrows(IllegalArgumentException.class, () -> Shell.quote("two\nlines"));
    }

    @Test
    void nixStrings_areReadBackExactly_byNix() throws Exception {
        Tools.requireNix();
        List<String> values = new ArrayList<>(HOSTILE);
        values.addAll(List.of("two\nlines\n", "tab\tand\rreturn"));
        StringBuilder expr = new StringBuilder("[");
        for (String s : values) {
            expr.append(' ').append(NixStrings.quoted(s));
        }
        for (String s : HOSTILE) {
            String text = s + "\nsecond line '' ${y}\n";
            if (NixStrings.fitsIndented(text)) {
                expr.append(" ''\n");
                NixStrings.indentedLines(text)
                        .forEach(l -> expr.append("    ").append(l).append('\n'));
                expr.append("  ''");
                values.add(text);
            }
        }
        expr.append(" ]");
        String json =
                run(
                        List.of(
                                "nix-instantiate",
                                "--eval",
                                "--strict",
                                "--json",
                                "-E",
                                expr.toString()));
        assertEquals(values, List.of(new ObjectMapper().readValue(json, String[].class)));
    }

    /**
     * Every string of quotes, dollars, braces and backslashes up to a length, and random longer
     * ones, as indented-string lines: Nix must give each back exactly. '${ once came out as '''${,
     * which Nix reads as an escaped '' followed by an antiquotation that runs.
     */
    @Test
    void nixIndentedStrings_roundTripAnyRunOfQuotesAndDollars() throws Exception {
        Tools.requireNix();
        String alphabet = "'${}\\\"a";
        List<String> texts = new ArrayList<>();
        allStrings(alphabet, 4, "", texts);
        Random random = new Random(13);
        for (int n = 0; n < 500; n++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(24); k > 0; k--) {
                s.append((alphabet + " \n").charAt(random.nextInt(alphabet.length() + 2)));
            }
            texts.add(s.toString());
        }
        StringBuilder expr = new StringBuilder("[");
        List<String> expected = new ArrayList<>();
        for (String s : texts) {
            String text = "x" + s + "\n" + s + "\n";
            if (NixStrings.fitsIndented(text)) {
                expr.append(" ''\n");
                NixStrings.indentedLines(text)
                        .forEach(l -> expr.append("    ").append(l).append('\n'));
                expr.append("  ''");
                expected.add(text);
            }
        }
        expr.append(" ]");
        Path file = Files.createTempFile("indented", ".nix");
        try {
            Files.writeString(file, expr);
            String json =
                    run(
                            List.of(
                                    "nix-instantiate",
                                    "--eval",
                                    "--strict",
                                    "--json",
                                    file.toString()));
            List<String> actual = List.of(new ObjectMapper().readValue(json, String[].class));
            assertEquals(expected.size(), actual.size());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(
                        expected.get(i),
                        actual.get(i),
                        "written as: " + NixStrings.indentedLines(expected.get(i)));
            }
        } finally {
            Files.delete(file);
        }
        assertEquals("echo ''\\'''${HOME}'", NixStrings.escapeIndented("echo '${HOME}'"));
    }

    private static void allStrings(String alphabet, int length, String prefix, List<String> out) {
        out.add(prefix);
        if (prefix.length() < length) {
            for (char c : alphabet.toCharArray()) {
                allStrings(alphabet, length, prefix + c, out);
            }
        }
    }
}
