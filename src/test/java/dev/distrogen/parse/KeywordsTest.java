package dev.distrogen.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distrogen.Compiler;
import dev.distrogen.Golden;
import dev.distrogen.diagnostic.SpecSource;
import dev.distrogen.model.KeywordTable;
import dev.distrogen.model.KeywordTable.Block;
import dev.distrogen.parse.antlr.DistrogenLexer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The keyword table is the one list of the language's keywords: the grammar's word tokens and the
 * TextMate grammar's keyword lists are exactly it, every keyword has a usage example, and the
 * parser's messages name each block's settings from it.
 */
class KeywordsTest {

    @Test
    void theTable_isExactlyTheGrammarsWordTokens() {
        Vocabulary vocabulary = DistrogenLexer.VOCABULARY;
        Set<String> grammar = new TreeSet<>();
        for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
            String literal = vocabulary.getLiteralName(type);
            if (literal != null && literal.matches("'[a-zA-Z][a-zA-Z0-9]*'")) {
                grammar.add(literal.substring(1, literal.length() - 1));
            }
        }
        assertEquals(grammar, KeywordTable.all());
    }

    @Test
    void everyKeyword_hasAUsageExample() {
        for (String keyword : KeywordTable.all()) {
            assertNotEquals(keyword, Keywords.usage(keyword), keyword);
        }
    }

    /**
     * The editor colours the statements one way and every other keyword another, as the table
     * divides them.
     */
    @Test
    void theTextMateGrammar_listsTheTablesStatements_andSettings() throws Exception {
        var repository =
                new ObjectMapper()
                        .readTree(
                                Golden.root()
                                        .resolve(
                                                "editors/vscode/syntaxes/distrogen.tmLanguage.json")
                                        .toFile())
                        .get("repository");
        Set<String> settings = new TreeSet<>(KeywordTable.all());
        settings.removeAll(Block.TOP_LEVEL.keywords());
        assertEquals(
                new TreeSet<>(Block.TOP_LEVEL.keywords()),
                alternation(repository.get("statement").get("match").asText()));
        assertEquals(settings, alternation(repository.get("setting").get("match").asText()));
    }

    private static Set<String> alternation(String match) {
        return new TreeSet<>(
                List.of(match.replaceAll("^.*\\(\\?:([A-Za-z0-9|]+)\\).*$", "$1").split("\\|")));
    }

    /**
     * An unknown word in a block is called what the table calls that block's settings (once
     * "statement" in k8s and resources).
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "resources { cpux \"1\" }| unknown resources setting `cpux`; did you mean `cpu`?",
                "k8s { replica 2 }| unknown k8s setting `replica`; did you mean `replicas`?",
                "docker { form \"x\" }| unknown docker setting `form`; did you mean `from`?"
            })
    void unknownWords_areNamedAsTheirBlocksSettings(String statement, String message) {
        var compiled =
                Compiler.compile(
                        new SpecSource(
                                "t.dl",
                                Path.of("/tmp"),
                                "app \"web\" { binary \"/w\" }\nuser \"web\" uid 1 gid 1\n"
                                        + statement
                                        + "\n"));
        List<String> messages =
                compiled.diagnostics().sorted().stream().map(d -> d.message()).toList();
        assertTrue(messages.contains(message), messages.toString());
    }
}
