package dev.distrogen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distrogen.backend.GeneratedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Generated files read back by the tools that read them: YAML by SnakeYAML (which, as PyYAML,
 * breaks lines at U+0085, U+2028 and U+2029), JSON by Jackson, the Dockerfile as a sequence of
 * instructions that must be exactly distrogen's (one injected instruction fails it), IMAGE.md's
 * header comment closed once, Nix by {@code nix-instantiate --parse}.
 */
public final class GeneratedOutputs {

    /**
     * The instructions distrogen writes, in its order: the build stage's scripts, [packages,]
     * [builder nix: the pinned nixpkgs,] collect, [metadata,] the layout's data and the layout,
     * [smoke,] then the image.
     */
    private static final Pattern DOCKERFILE_SHAPE =
            Pattern.compile(
                    "FROM USER COPY (RUN )?(COPY )?RUN (RUN )?(RUN )?COPY RUN (COPY )*(RUN )?(COPY RUN )?(RUN )?RUN FROM COPY COPY COPY USER (EXPOSE )*(ENV )*WORKDIR (STOPSIGNAL )?(LABEL )?ENTRYPOINT (CMD )?");

    private static final ThreadLocal<Yaml> YAML =
            ThreadLocal.withInitial(() -> new Yaml(new LoaderOptions()));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Parser MARKDOWN =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\n\r\u0085\u2028\u2029]");

    /**
     * What YAML 1.1 reads as a line break besides \n and \r: never raw in a YAML file (escaped in
     * quotes).
     */
    private static final Pattern YAML_ONLY_BREAK = Pattern.compile("[\u0085\u2028\u2029]");

    /**
     * What may not reach a person's eyes raw: C0 and C1 controls, separators, bidirectional
     * controls.
     */
    private static final Pattern HIDDEN =
            Pattern.compile(
                    "[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]");

    private GeneratedOutputs() {}

    /** Asserts that every file parses in its language; returns the number of documents read. */
    public static int assertParse(List<GeneratedFile> files) {
        int read = 0;
        for (GeneratedFile file : files) {
            String name = file.path().substring(file.path().lastIndexOf('/') + 1);
            String text = file.text();
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                assertFalse(
                        YAML_ONLY_BREAK.matcher(text).find(),
                        "a raw NEL, U+2028 or U+2029 in " + name + "\n" + text);
                read += yamlDocuments(text).size();
            } else if (name.equals("plan.txt")) {
                assertDisplaySafe(text);
                read++;
            } else if (name.endsWith(".json")) {
                readJson(text);
                read++;
            } else if (name.equals("Dockerfile")) {
                assertTrue(
                        DOCKERFILE_SHAPE.matcher(instructions(text)).matches(),
                        "instructions: " + instructions(text));
                read++;
            } else if (name.equals("IMAGE.md")) {
                String first = text.substring(0, text.indexOf('\n'));
                assertTrue(first.startsWith("<!-- ") && first.endsWith(" -->"), first);
                assertEquals(
                        1,
                        count(first, "-->"),
                        "IMAGE.md's header comment closes once, at its end: " + first);
                assertEquals(0, count(first, "--!>"), first);
                assertMarkdownShape(text);
                assertDisplaySafe(text);
                read++;
            }
        }
        return read;
    }

    /**
     * Text for a terminal or a page: nothing in it moves the cursor, breaks a line unseen or
     * reorders what is shown.
     */
    public static void assertDisplaySafe(String text) {
        java.util.regex.Matcher hidden = HIDDEN.matcher(text);
        if (hidden.find()) {
            throw new AssertionError(
                    String.format(
                            "U+%04X shown raw at %d in:%n%s",
                            (int) hidden.group().charAt(0), hidden.start(), text));
        }
    }

    /**
     * IMAGE.md's blocks are the template's: the title, then only headings the template writes (read
     * from the template itself, so new sections need no change here), at most as many shell blocks
     * as it has, and one HTML comment; nothing a spec string added.
     */
    static void assertMarkdownShape(String text) {
        String template = readTemplate();
        Set<String> sections = new java.util.TreeSet<>();
        template.lines()
                .filter(l -> l.startsWith("## "))
                .forEach(l -> sections.add(l.substring(3)));
        long templateFences = template.lines().filter(l -> l.equals("```sh")).count();
        Node page = MARKDOWN.parse(text);
        List<String> headings = new ArrayList<>();
        int fences = 0;
        int html = 0;
        for (Node n = page.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h) {
                headings.add(
                        h.getLevel()
                                + " "
                                + (h.getFirstChild() instanceof org.commonmark.node.Text t
                                        ? t.getLiteral()
                                        : ""));
            }
            fences += n instanceof FencedCodeBlock f && f.getInfo().equals("sh") ? 1 : 0;
            html +=
                    n instanceof HtmlBlock
                                    || n instanceof IndentedCodeBlock
                                    || n instanceof BlockQuote
                                    || n instanceof ThematicBreak
                            ? 1
                            : 0;
        }
        assertTrue(
                !headings.isEmpty() && headings.get(0).startsWith("1 "), "a title first\n" + text);
        for (String heading : headings.subList(1, headings.size())) {
            assertTrue(
                    heading.startsWith("2 ") && sections.contains(heading.substring(2)),
                    "a heading the template does not write: " + heading + "\n" + text);
        }
        assertTrue(
                fences >= 1 && fences <= templateFences,
                fences + " shell blocks in IMAGE.md\n" + text);
        assertEquals(
                1,
                html,
                "only the header comment is HTML, no quote, rule or indented code\n" + text);
    }

    private static String readTemplate() {
        try {
            return Files.readString(
                    Golden.root()
                            .resolve(
                                    "src/main/resources/dev/distrogen/templates/docs/IMAGE.md.ftl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Object> yamlDocuments(String text) {
        List<Object> documents = new ArrayList<>();
        YAML.get().loadAll(text).forEach(documents::add);
        return documents;
    }

    public static void readJson(String text) {
        try {
            JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + e.getMessage() + "\n" + text, e);
        }
    }

    /**
     * The keyword of each instruction, comments and continuation lines skipped, each followed by a
     * space.
     */
    public static String instructions(String dockerfile) {
        StringBuilder out = new StringBuilder();
        boolean continued = false;
        for (String line : dockerfile.split("\n", -1)) {
            String trimmed = line.strip();
            if (!continued && !trimmed.isEmpty() && !trimmed.startsWith("#")) {
                out.append(trimmed.split("\\s+", 2)[0]).append(' ');
            }
            if (!trimmed.startsWith("#")) {
                continued = line.endsWith("\\");
            }
        }
        return out.toString();
    }

    /** Lines as every reader of any of the languages counts them (YAML 1.1 included). */
    public static int lines(String text) {
        return LINE_BREAK.split(text, -1).length;
    }

    public static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    /** nix-instantiate --parse on the expression; the caller has required nix-instantiate. */
    public static void assertNixParses(String expression) {
        assertNixParses(List.of(expression));
    }

    /**
     * nix-instantiate --parse on each expression, in one run; the caller has required
     * nix-instantiate.
     */
    public static void assertNixParses(List<String> expressions) {
        try {
            Path dir = Files.createTempDirectory("distrogen-parse");
            List<String> command = new ArrayList<>(List.of("nix-instantiate", "--parse"));
            try {
                for (int i = 0; i < expressions.size(); i++) {
                    command.add(
                            Files.writeString(dir.resolve(i + ".nix"), expressions.get(i))
                                    .toString());
                }
                Forked parse =
                        Forked.process(command, Map.of(), Set.of(), dir, Duration.ofMinutes(2));
                assertEquals(0, parse.exit(), parse.out() + parse.err());
            } finally {
                for (int i = 0; i < expressions.size(); i++) {
                    Files.deleteIfExists(dir.resolve(i + ".nix"));
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
