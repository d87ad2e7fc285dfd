package dev.distrogen.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.diagnostic.SpecSource;
import dev.distrogen.model.ConfigSource;
import dev.distrogen.model.Spec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecParserTest {

    private static Spec parse(String text) {
        ParseResult result = SpecParser.parse(new SpecSource("t.dl", Path.of("/tmp"), text));
        assertEquals(List.of(), result.diagnostics());
        return result.spec().orElseThrow();
    }

    private static String configText(String block) {
        Spec spec = parse("config \"/etc/x\" text " + block + "\n");
        return ((ConfigSource.Inline) spec.configs().get(0).source()).text().value();
    }

    @Test
    void textBlock_stripsCommonIndentAndTheOpeningLine_keepsBackslashesRaw() {
        assertEquals(
                "server_tokens off;\n", configText("\"\"\"\n    server_tokens off;\n    \"\"\""));
        assertEquals(
                "a\n  b\\d+ ${x} $y `z`\n",
                configText("\"\"\"\n    a\n      b\\d+ ${x} $y `z`\n    \"\"\""));
        // The closing delimiter's indentation counts, as in Java text blocks.
        assertEquals("  a\n", configText("\"\"\"\n    a\n  \"\"\""));
        // Closing on the last line: no final newline.
        assertEquals("a\nb", configText("\"\"\"\n  a\n  b\"\"\""));
        assertEquals(
                "\"quoted\" and \"\"\n", configText("\"\"\"\n  \"quoted\" and \"\"\n  \"\"\""));
    }

    @Test
    void strings_processTheFourEscapes_andNothingElse() {
        Spec spec =
                parse(
                        "app \"a\" { binary \"/b\" args \"q\\\"\" \"b\\\\\" \"n\\n\" \"t\\t\" \"$x ${y} `z` 'w'\" }\n");
        List<String> args = spec.app().orElseThrow().args().stream().map(a -> a.value()).toList();
        assertEquals(List.of("q\"", "b\\", "n\n", "t\t", "$x ${y} `z` 'w'"), args);
    }

    @Test
    void statements_mayShareALine_andKeywordsMayNameEnvVariables() {
        Spec spec =
                parse(
                        "app \"a\" { binary \"/b\" env port = \"1\" env image = \"2\" } user \"u\" gid 2 uid 1\n");
        assertEquals("port", spec.app().orElseThrow().env().get(0).name().value());
        assertEquals("1", spec.user().orElseThrow().uid().orElseThrow().value());
    }

    @Test
    void locations_areOneBased_andCoverTheToken() {
        Spec spec = parse("\n  port   8080/udp\n");
        var port = spec.ports().get(0);
        assertEquals(2, port.number().at().line());
        assertEquals(10, port.number().at().column());
        assertEquals(4, port.number().at().length());
        assertEquals("udp", port.protocolName());
    }

    @Test
    void syntaxErrors_stopBeforeTheModel_andUseNoGrammarNames() {
        ParseResult result =
                SpecParser.parse(new SpecSource("t.dl", Path.of("/tmp"), "app { }\nuser 5\n"));
        assertTrue(result.spec().isEmpty());
        for (var d : result.diagnostics()) {
            assertTrue(
                    !d.message().contains("STRING")
                            && !d.message().contains("Stmt")
                            && !d.message().contains("<EOF>"),
                    d.message());
        }
        assertEquals(
                "expected a string after `app`, found `{`", result.diagnostics().get(0).message());
    }
}
