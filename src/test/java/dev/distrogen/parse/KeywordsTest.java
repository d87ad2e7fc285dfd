package dev.distrogen.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.distrogen.parse.antlr.DistrogenLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.Vocabulary;
import org.junit.jupiter.api.Test;

/** Keywords, which messages and suggestions use, names exactly the grammar's keyword tokens. */
class KeywordsTest {

    @Test
    void keywords_areExactlyTheGrammarsWordTokens() {
        Vocabulary vocabulary = DistrogenLexer.VOCABULARY;
        Set<String> grammar = new TreeSet<>();
        for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
            String literal = vocabulary.getLiteralName(type);
            if (literal != null && literal.matches("'[a-zA-Z][a-zA-Z0-9]*'")) {
                grammar.add(literal.substring(1, literal.length() - 1));
            }
        }
        List<String> all = new ArrayList<>();
        for (List<String> block : List.of(Keywords.TOP_LEVEL, Keywords.APP, Keywords.USER, Keywords.FILE_OPTIONS,
                Keywords.CONFIG_SOURCES, Keywords.DOCKER, Keywords.NIX, Keywords.IMAGE_OPTIONS, Keywords.DIR_OPTIONS,
                Keywords.HEALTH, Keywords.RESOURCES, Keywords.K8S)) {
            all.addAll(block);
        }
        assertEquals(grammar, new TreeSet<>(all));
    }
}
