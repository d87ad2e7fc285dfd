package dev.distrogen.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distrogen.Golden;
import dev.distrogen.Tools;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VS Code extension's TextMate grammar (editors/vscode), run by the engine VS Code uses:
 * vscode-textmate on vscode-oniguruma, in node. .ci/install-tools installs both, at pinned
 * versions, into {@value #MODULES}.
 */
class TextMateGrammarIT {

    static final String MODULES = "/var/cache/distrogen-test/textmate/node_modules";
    private static final Path EXTENSION = Golden.root().resolve("editors/vscode");

    @TempDir Path tmp;

    @BeforeEach
    void requireTheEngine() {
        Tools.requireOnPath("the TextMate grammar test runs vscode-textmate", "node");
        Tools.require(
                Files.isDirectory(Path.of(MODULES, "vscode-textmate"))
                        && Files.isDirectory(Path.of(MODULES, "vscode-oniguruma")),
                "vscode-textmate and vscode-oniguruma are not installed in "
                        + MODULES
                        + " (.ci/install-tools installs them)");
    }

    @Test
    void everyExample_isCoveredByTheGrammar_withoutIllegalTokens() throws Exception {
        Map<String, JsonNode> files = tokenize(Golden.exampleSpecs());
        assertEquals(Golden.exampleSpecs().size(), files.size());
        files.forEach(
                (file, lines) -> {
                    int n = 0;
                    for (JsonNode line : lines) {
                        n++;
                        for (JsonNode token : line) {
                            String text = token.get("text").asText();
                            String scopes = token.get("scopes").toString();
                            assertFalse(
                                    !text.isBlank() && token.get("scopes").size() == 1,
                                    file + ":" + n + ": `" + text + "` has no scope");
                            assertFalse(
                                    scopes.contains("invalid."),
                                    file + ":" + n + ": `" + text + "` is " + scopes);
                        }
                    }
                });
    }

    @Test
    void nginxExample_knownTokens_haveTheirScopes() throws Exception {
        Path spec = Golden.root().resolve("examples/nginx/nginx.dl");
        List<String> text = java.nio.file.Files.readAllLines(spec);
        JsonNode nginx = tokenize(List.of(spec)).values().iterator().next();
        assertScope(
                nginx,
                lineOf(text, "# A distroless NGINX"),
                "# A distroless NGINX",
                "comment.line.number-sign.distrogen");
        assertScope(
                nginx, lineOf(text, "image \""), "image", "keyword.control.statement.distrogen");
        assertScope(nginx, lineOf(text, "image \""), "tag", "keyword.other.setting.distrogen");
        assertScope(
                nginx,
                lineOf(text, "image \""),
                "nginx-distroless",
                "string.quoted.double.distrogen");
        assertScope(nginx, lineOf(text, "env     TZ"), "TZ", "variable.other.env.distrogen");
        assertScope(
                nginx, lineOf(text, "mode 0750"), "0750", "constant.numeric.mode.octal.distrogen");
        assertScope(
                nginx, lineOf(text, "mode 1777"), "1777", "constant.numeric.mode.octal.distrogen");
        assertScope(
                nginx,
                lineOf(text, "server_tokens"),
                "    server_tokens off;",
                "string.quoted.triple.distrogen");
        assertScope(
                nginx,
                lineOf(text, "port 8080"),
                "8080",
                "constant.numeric.integer.decimal.distrogen");
        assertScope(nginx, lineOf(text, "base scratch"), "scratch", "constant.language.distrogen");
        assertScope(
                nginx,
                lineOf(text, "function buildImage"),
                "buildImage",
                "constant.language.distrogen");
    }

    /**
     * The grammar's keyword lists are exactly the language's keywords (the lexer's word tokens).
     */
    @Test
    void keywordLists_areTheLexersWordTokens() throws Exception {
        JsonNode grammar =
                new ObjectMapper()
                        .readTree(EXTENSION.resolve("package.json").toFile())
                        .at("/contributes/grammars/0");
        String tm = java.nio.file.Files.readString(EXTENSION.resolve(grammar.get("path").asText()));
        java.util.Set<String> listed = new java.util.TreeSet<>();
        var alternation =
                java.util.regex.Pattern.compile("\\(\\?:([a-zA-Z0-9|]+)\\)\\(\\?!").matcher(tm);
        while (alternation.find()) {
            listed.addAll(List.of(alternation.group(1).split("\\|")));
        }
        java.util.Set<String> words = new java.util.TreeSet<>();
        org.antlr.v4.runtime.Vocabulary vocabulary =
                dev.distrogen.parse.antlr.DistrogenLexer.VOCABULARY;
        for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
            String literal = vocabulary.getLiteralName(type);
            if (literal != null && literal.matches("'[a-zA-Z0-9]+'")) {
                words.add(literal.substring(1, literal.length() - 1));
            }
        }
        assertEquals(words, listed, "the keywords of syntaxes/distrogen.tmLanguage.json");
    }

    private static int lineOf(List<String> text, String needle) {
        for (int i = 0; i < text.size(); i++) {
            if (text.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + needle);
    }

    @Test
    void escapes_protocols_andWordsThatOnlyStartLikeKeywords() throws Exception {
        Path spec = tmp.resolve("t.dl");
        Files.writeString(
                spec,
                "env A_1 = \"say \\\"hi\\\" \\d\"\nport 53/udp\nbase distroless-cc\nbuilder nix\ndirx imagex\n");
        JsonNode lines = tokenize(List.of(spec)).values().iterator().next();
        assertScope(lines, 1, "A_1", "variable.other.env.distrogen");
        assertScope(lines, 1, "\\\"", "constant.character.escape.distrogen");
        assertScope(lines, 1, "\\d", "invalid.illegal.escape.distrogen");
        assertScope(lines, 2, "udp", "constant.language.protocol.distrogen");
        assertScope(lines, 3, "distroless-cc", "constant.language.distrogen");
        assertScope(lines, 4, "nix", "constant.language.distrogen");
        assertScope(lines, 5, "dirx", "variable.other.name.distrogen");
        assertScope(lines, 5, "imagex", "variable.other.name.distrogen");
    }

    @Test
    void extensionManifest_namesTheGrammarAndConfiguration() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(EXTENSION.resolve("package.json").toFile());
        JsonNode language = manifest.at("/contributes/languages/0");
        assertEquals(".dl", language.at("/extensions/0").asText());
        assertTrue(Files.isRegularFile(EXTENSION.resolve(language.get("configuration").asText())));
        JsonNode grammar = manifest.at("/contributes/grammars/0");
        assertEquals("source.distrogen", grammar.get("scopeName").asText());
        JsonNode tm =
                new ObjectMapper()
                        .readTree(EXTENSION.resolve(grammar.get("path").asText()).toFile());
        assertEquals("source.distrogen", tm.get("scopeName").asText());
    }

    private static void assertScope(JsonNode lines, int line, String text, String scope) {
        for (JsonNode token : lines.get(line - 1)) {
            if (token.get("text").asText().startsWith(text)) {
                JsonNode scopes = token.get("scopes");
                assertEquals(
                        scope,
                        scopes.get(scopes.size() - 1).asText(),
                        "line " + line + ": `" + text + "`");
                return;
            }
        }
        throw new AssertionError(
                "no token `" + text + "` on line " + line + ": " + lines.get(line - 1));
    }

    /** File name -> its lines, each a list of {text, scopes}. */
    private static Map<String, JsonNode> tokenize(List<Path> specs) throws Exception {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                "node",
                                EXTENSION.resolve("test/tokenize.js").toString(),
                                EXTENSION
                                        .resolve("syntaxes/distrogen.tmLanguage.json")
                                        .toString()));
        specs.forEach(s -> command.add(s.toString()));
        File out = Files.createTempFile("tokens", ".json").toFile();
        File err = Files.createTempFile("tokens", ".err").toFile();
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectOutput(out).redirectError(err);
            builder.environment().put("NODE_PATH", MODULES);
            Process process = builder.start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "node timed out");
            assertEquals(0, process.exitValue(), Files.readString(err.toPath()));
            Map<String, JsonNode> files = new LinkedHashMap<>();
            for (String line : Files.readAllLines(out.toPath(), StandardCharsets.UTF_8)) {
                JsonNode file = new ObjectMapper().readTree(line);
                files.put(file.get("file").asText(), file.get("lines"));
            }
            return files;
        } finally {
            Files.deleteIfExists(out.toPath());
            Files.deleteIfExists(err.toPath());
        }
    }
}
