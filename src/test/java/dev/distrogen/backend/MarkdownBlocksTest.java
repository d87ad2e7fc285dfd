package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.distrogen.Compiler;
import dev.distrogen.Golden;
import dev.distrogen.backend.docs.DocsBackend;
import dev.distrogen.diagnostic.SpecSource;
import dev.distrogen.plan.ImagePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * IMAGE.md read back by a CommonMark parser with GitHub's tables: a description made of block-level
 * Markdown (fences, lists, quotes, rules, headings, indented code, tables, HTML, entities) is one
 * paragraph that reads exactly as written, and the page keeps the blocks a plain description gives.
 */
class MarkdownBlocksTest {

    static final List<String> DESCRIPTIONS =
            List.of(
                    "~~~",
                    "```",
                    "~~~ rest of the page",
                    "- x",
                    "+ x",
                    "* x",
                    "1. l",
                    "1) l",
                    "> q",
                    "---",
                    "***",
                    "___",
                    "===",
                    "# h",
                    "    code",
                    "\tcode",
                    "| a | b |",
                    "<div>",
                    "<!-- x",
                    "&copy; &amp;",
                    "   - indented item",
                    "12345. many",
                    "-",
                    "a  \\",
                    "[x]: http://example.org",
                    "`code",
                    "*a* _b_ **c**");

    private static final Parser PARSER =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();

    @TestFactory
    Stream<DynamicTest> blockMarkdownInTheDescription_staysOneParagraphOfText() throws Exception {
        Path spec = Golden.root().resolve("examples/nginx/nginx.dl");
        String text = Files.readString(spec);
        List<String> plainBlocks = blocks(docs(spec, text + "description \"plain\"\n"));
        return DESCRIPTIONS.stream()
                .map(
                        d ->
                                DynamicTest.dynamicTest(
                                        d,
                                        () -> {
                                            Node page =
                                                    docs(
                                                            spec,
                                                            text
                                                                    + "description \""
                                                                    + d.replace("\\", "\\\\")
                                                                            .replace("\"", "\\\"")
                                                                            .replace("\t", "\\t")
                                                                    + "\"\n");
                                            assertEquals(
                                                    plainBlocks, blocks(page), "the page's blocks");
                                            Paragraph description =
                                                    (Paragraph)
                                                            page.getFirstChild()
                                                                    .getNext()
                                                                    .getNext();
                                            assertEquals(
                                                    d.strip(),
                                                    literal(description),
                                                    "the description reads as written");
                                        }));
    }

    private static Node docs(Path spec, String text) throws GenerationException {
        ImagePlan plan =
                Compiler.compile(new SpecSource("nginx.dl", spec.getParent(), text))
                        .plan()
                        .orElseThrow();
        return PARSER.parse(
                new DocsBackend()
                        .generate(new GenerationRequest(plan, "nginx.dl", false))
                        .get(0)
                        .text());
    }

    private static List<String> blocks(Node document) {
        List<String> kinds = new ArrayList<>();
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            kinds.add(n.getClass().getSimpleName());
        }
        return kinds;
    }

    private static String literal(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(
                new AbstractVisitor() {
                    @Override
                    public void visit(Text text) {
                        out.append(text.getLiteral());
                    }

                    @Override
                    public void visit(SoftLineBreak lineBreak) {
                        out.append('\n');
                    }
                });
        return out.toString();
    }
}
