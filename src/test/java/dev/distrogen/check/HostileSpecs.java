package dev.distrogen.check;

import java.util.List;
import java.util.Random;

/**
 * Specs whose strings are injection payloads: for the shell, Dockerfiles, Nix (strings, indented
 * strings, comments), JSON, YAML, Markdown, HTML comments, GitHub Actions and the terminal, with
 * every kind of line break. Each string of the spec is a plain value or, one time in three to six,
 * holds one of those, so that many specs still pass the checks and reach every target.
 */
final class HostileSpecs {

    static final List<String> PAYLOADS =
            List.of(
                    "$(touch /pwned)",
                    "`id`",
                    "'; touch pwned; '",
                    "\"",
                    "\\",
                    "${HOME}",
                    "$HOME",
                    "${builtins.trace \"INJ\" 1}",
                    "''${x}",
                    "'''",
                    "''\\n",
                    "'${x}'",
                    "\n",
                    "\nRUN touch pwned\n",
                    "\n---\nkind: Pod\n",
                    "#",
                    " # c",
                    "-->",
                    "--->",
                    "<!--",
                    "~~~",
                    "```",
                    "- x",
                    "1. l",
                    "> q",
                    "---",
                    "    code",
                    "| a | b |",
                    "${{ github.token }}",
                    "\u2028",
                    "\u2029",
                    "\u0085",
                    "\t",
                    "&amp;",
                    "[x](y)",
                    "*",
                    "?",
                    "[",
                    "]",
                    "{",
                    "}",
                    "=",
                    ":",
                    ": ",
                    "- ",
                    "null",
                    "true",
                    "no",
                    "0x1",
                    "1e3",
                    "~",
                    "!tag",
                    "&anchor",
                    "*alias",
                    "%TAG",
                    "@",
                    "\u202e",
                    "\ufeff",
                    "é",
                    "\ud834\udd1e",
                    "\u001b[2J",
                    "\u0007",
                    "\u007f",
                    "\u0000",
                    "\\\\${",
                    "x".repeat(300),
                    "in",
                    "let",
                    "or",
                    " ",
                    "  trailing ",
                    "a\\b",
                    "/",
                    "//",
                    "/..",
                    "%s",
                    "{{x}}",
                    "[=x]",
                    "${x}[#x]",
                    "<#list>",
                    "\"\"\"",
                    // Display spoofing (bidirectional isolates and marks), and names longer than a
                    // file system takes.
                    "\u2066",
                    "\u2069",
                    "\u200f",
                    "\u202d",
                    "\u009b",
                    "é".repeat(128),
                    ("/" + "d".repeat(200)).repeat(21));

    private static final List<String> NAMES =
            List.of(
                    "m.dl",
                    "x\nRUN touch pwned\n#.dl",
                    "--->.dl",
                    "a\u2028b.dl",
                    "ünï.dl",
                    "'$(id)'.dl",
                    "a\u0000b.dl",
                    "x -->\n<!--.dl",
                    "safe\u202egpj.dl",
                    "\u2067x\u0085.dl");

    private HostileSpecs() {}

    static String name(Random random) {
        return NAMES.get(random.nextInt(NAMES.size()));
    }

    static String generate(Random random) {
        StringBuilder s = new StringBuilder();
        s.append("image ")
                .append(strict(random, "web"))
                .append(" tag ")
                .append(strict(random, "1.0"))
                .append('\n');
        if (random.nextBoolean()) {
            s.append("description ").append(str(random, "a web server")).append('\n');
        }
        if (random.nextBoolean()) {
            s.append("label ")
                    .append(strict(random, "org.example.k"))
                    .append(" = ")
                    .append(str(random, "v"))
                    .append('\n');
        }
        s.append("app ").append(strict(random, "nginx")).append(" {\n");
        s.append("    binary ").append(path(random, "/usr/bin/web")).append('\n');
        s.append("    args ")
                .append(str(random, "--a"))
                .append(' ')
                .append(str(random, "b"))
                .append(' ')
                .append(str(random, "c"))
                .append('\n');
        if (random.nextBoolean()) {
            s.append("    libs ").append(path(random, "/usr/lib/web")).append('\n');
        }
        if (random.nextBoolean()) {
            s.append("    files ").append(path(random, "/etc/ssl/x.crt")).append('\n');
        }
        s.append("    env A = ").append(str(random, "1")).append('\n');
        if (random.nextBoolean()) {
            s.append("    workdir ").append(path(random, "/srv")).append('\n');
        }
        if (random.nextInt(4) == 0) {
            s.append("    stop ").append(strict(random, "SIGQUIT")).append('\n');
        }
        s.append("}\n");
        s.append("user ").append(strict(random, "web")).append(" uid 10001 gid 10001");
        if (random.nextBoolean()) {
            s.append(" home ").append(path(random, "/home/web"));
        }
        s.append('\n');
        s.append("dir ").append(path(random, "/var/lib/web")).append(" owner \"web\" mode 0750\n");
        s.append("dir ").append(path(random, "/run")).append('\n');
        s.append("config ")
                .append(path(random, "/etc/web/web.conf"))
                .append(" text ")
                .append(str(random, "k = v\n"))
                .append('\n');
        if (random.nextBoolean()) {
            s.append("config ")
                    .append(path(random, "/etc/web/block.conf"))
                    .append(" text \"\"\"\n    ")
                    .append(raw(random))
                    .append("\n    ")
                    .append(raw(random))
                    .append("\n    \"\"\"\n");
        }
        s.append("port ").append(1 + random.nextInt(65535)).append('\n');
        s.append("docker { from ").append(strict(random, "web:1")).append(" }\n");
        if (random.nextInt(3) == 0) {
            s.append("platforms ")
                    .append(strict(random, "linux/arm64"))
                    .append(" \"linux/amd64\"\n");
        }
        if (random.nextBoolean()) {
            s.append("nix { package ").append(strict(random, "nginx")).append(" }\n");
        }
        return s.toString();
    }

    /** A path: usually valid, with a payload in its last segment; sometimes a payload alone. */
    private static String path(Random random, String plain) {
        return switch (random.nextInt(8)) {
            case 0 -> literal(payload(random));
            case 1 -> literal(plain + payload(random).replace("/", ""));
            case 2 -> literal(plain + " " + payload(random).replace("/", "").replace("\n", ""));
            default -> literal(plain);
        };
    }

    /**
     * A name the checks hold to a strict syntax (image, user, package...): rarely hostile, or
     * nothing would pass.
     */
    private static String strict(Random random, String plain) {
        return random.nextInt(20) == 0 ? literal(payload(random)) : literal(plain);
    }

    /** A string: plain, a payload, or a payload inside plain text. */
    private static String str(Random random, String plain) {
        return switch (random.nextInt(6)) {
            case 0 -> literal(payload(random));
            case 1 -> literal(plain + payload(random) + payload(random));
            default -> literal(plain);
        };
    }

    /** A text-block line: anything but its closing quotes and a raw line break. */
    private static String raw(Random random) {
        return (payload(random) + " " + payload(random))
                .replace("\"\"\"", "\"")
                .replace("\n", " ")
                .replace("\r", " ")
                .replace("\u0085", " ")
                .replace("\u2028", " ")
                .replace("\u2029", " ");
    }

    private static String payload(Random random) {
        return PAYLOADS.get(random.nextInt(PAYLOADS.size()));
    }

    /** As the spec language writes the value: "\"" and "\\" escaped, "\n" and "\t" as escapes. */
    private static String literal(String value) {
        return "\""
                + value.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\n", "\\n")
                        .replace("\t", "\\t")
                + "\"";
    }
}
