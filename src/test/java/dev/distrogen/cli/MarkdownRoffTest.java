package dev.distrogen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown to roff converter that makes distrogen.dl(5) from docs/language.md. */
class MarkdownRoffTest {

    static final MarkdownRoff.Page PAGE =
            new MarkdownRoff.Page(
                    "distrogen.dl",
                    5,
                    "the spec language",
                    "2026-01-01",
                    "distrogen 1.0",
                    "Distrogen Manual");

    private static String convert(String markdown) {
        return MarkdownRoff.convert(markdown, PAGE, List.of("distrogen(1)"));
    }

    /** The body: what follows .SH DESCRIPTION, up to SEE ALSO. */
    private static String body(String markdown) {
        String roff = convert(markdown);
        return roff.substring(
                roff.indexOf(".SH DESCRIPTION\n") + 16, roff.indexOf(".SH \"SEE ALSO\""));
    }

    @Test
    void header_nameAndSeeAlso() {
        String roff = convert("# The spec language\n\nText.\n");
        assertTrue(roff.startsWith(".\\\" Made from Markdown"), roff);
        assertTrue(
                roff.contains(
                        "\n.TH \"DISTROGEN.DL\" 5 \"2026-01-01\" \"distrogen 1.0\" \"Distrogen Manual\"\n.nh\n"
                                + ".SH NAME\ndistrogen.dl \\- the spec language\n.SH DESCRIPTION\n.PP\nText.\n"),
                roff);
        assertTrue(roff.endsWith(".SH \"SEE ALSO\"\n\\fBdistrogen\\fR(1)\n"), roff);
    }

    @Test
    void headings_sectionsAndSubsections() {
        assertEquals(
                ".SH \"STATEMENTS\"\n.SS \"\\fBimage NAME [tag TAG]\\fR\"\n.SS \"deeper\"\n",
                body("# Title\n## Statements\n### `image NAME [tag TAG]`\n#### deeper\n"));
    }

    @Test
    void text_escapesBackslashes_andLinesThatWouldBeRequests() {
        assertEquals(
                ".PP\nStrings take \\fB\\e\"\\fR and a\n\\&.dl file;\n\\&'quoted' \\e n\n",
                body("# T\nStrings take `\\\"` and a\n.dl file;\n'quoted' \\ n\n"));
    }

    @Test
    void code_keepsMinusQuotesAndAccentsLiteral() {
        assertEquals(
                ".PP\nuse \\fB\\-\\-target\\fR, \\fB\\(aqx\\(aq \\(ti\\fR\n",
                body("# T\nuse `--target`, `'x' ~`\n"));
        assertEquals("\\(ga\\(ha\\e", MarkdownRoff.code("`^\\"));
    }

    @Test
    void codeBlock_isUnfilled_escaped_andGuarded() {
        assertEquals(
                ".PP\n.RS 4\n.nf\napp \"x\" {\n\\&.hidden \\e\\-n\n\\(aqa\\(aq\n}\n.fi\n.RE\n",
                body("# T\n```\napp \"x\" {\n.hidden \\-n\n'a'\n}\n```\n"));
    }

    @Test
    void table_eachRowATaggedParagraph_otherColumnsAfterTheirHeaders() {
        String roff =
                body(
                        "# T\n| setting | meaning | default |\n|---|---|---|\n| `a\\|b` | one\\|two | `x` |\n"
                                + "| `c` | .three | |\n");
        assertEquals(
                ".TP\n\\fBa|b\\fR\none|two\n.br\nDefault: \\fBx\\fR\n.TP\n\\fBc\\fR\n\\&.three\n.br\nDefault: \n",
                roff);
    }

    @Test
    void links_keepTheirText_andAnAddressOutsideTheDocs() {
        assertEquals(
                ".PP\nsee What scanners see and nixpkgs <https://example.org/a\\-b>\n",
                body(
                        "# T\nsee [What scanners see](scanning.md) and [nixpkgs](https://example.org/a-b)\n"));
    }

    @Test
    void bullets_andBoldAndNonAscii() {
        assertEquals(
                ".IP \\(bu 2\n\\fBone\\fR \\[u2026]\ncontinued\n.IP \\(bu 2\ntwo\n",
                body("# T\n- **one** \u2026\n  continued\n- two\n"));
    }
}
