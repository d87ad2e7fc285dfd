package dev.distrogen.parse;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.diagnostic.Diagnostics;
import dev.distrogen.diagnostic.Suggestions;
import dev.distrogen.model.KeywordTable.Block;
import dev.distrogen.model.SourceLocation;
import dev.distrogen.parse.antlr.DistrogenLexer;
import dev.distrogen.parse.antlr.DistrogenParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's syntax errors into diagnostics in the language's own terms: "expected a string
 * after `binary`", "unknown statement `usr`; did you mean `user`?". ANTLR's own message, rule names
 * and token type names never reach the user.
 */
final class SyntaxErrorListener extends BaseErrorListener {

    private final Diagnostics diagnostics;
    private TokenStream tokens;

    SyntaxErrorListener(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    @Override
    public void syntaxError(
            Recognizer<?, ?> recognizer,
            Object offendingSymbol,
            int line,
            int column,
            String msg,
            RecognitionException e) {
        Parser parser = (Parser) recognizer;
        Token found = (Token) offendingSymbol;
        IntervalSet expected =
                e != null && e.getExpectedTokens() != null
                        ? e.getExpectedTokens()
                        : parser.getExpectedTokens();
        ParserRuleContext context =
                e != null && e.getCtx() instanceof ParserRuleContext c ? c : parser.getContext();
        Token previous =
                found.getTokenIndex() > 0
                        ? parser.getTokenStream().get(found.getTokenIndex() - 1)
                        : null;
        tokens = parser.getTokenStream();
        diagnostics.add(describe(found, previous, expected, context));
    }

    private Diagnostic describe(
            Token found, Token previous, IntervalSet expected, ParserRuleContext context) {
        switch (found.getType()) {
            case DistrogenLexer.UNTERMINATED_STRING:
                return Diagnostic.error(Code.UNTERMINATED, at(found), "unterminated string")
                        .withHint(
                                "close it with `\"` on the same line; for text over several lines use a text block: "
                                        + "text \"\"\" ... \"\"\"");
            case DistrogenLexer.UNTERMINATED_TEXT_BLOCK:
                return Diagnostic.error(Code.UNTERMINATED, at(found), "unterminated text block")
                        .withHint("close it with `\"\"\"`");
            case DistrogenLexer.UNEXPECTED_CHAR:
                return unexpectedCharacter(found);
            default:
                break;
        }
        Optional<Diagnostic> option = optionTypo(found, tokens);
        if (option.isPresent()) {
            return option.get();
        }
        List<String> keywordsExpected = keywords(expected);
        if (isWord(found) && keywordsExpected.size() >= 2) {
            return unknownOrMisplaced(found, keywordsExpected, context);
        }
        if (found.getType() == Token.EOF && expected.contains(DistrogenLexer.RBRACE)) {
            return unclosedBlock(found, previous, context);
        }
        if (context.getRuleIndex() == DistrogenParser.RULE_word
                || context.getRuleIndex() == DistrogenParser.RULE_keyword) {
            // A name inside a setting (env NAME, port 80/PROTOCOL): the setting says how to write
            // it.
            return missingName(found, previous, context);
        }
        String message = "expected " + expectation(expected, context);
        if (previous != null) {
            message += " after `" + firstLine(previous.getText()) + "`";
        }
        message += ", found " + describeToken(found);
        Diagnostic d = Diagnostic.error(Code.SYNTAX, pointAt(found, previous), message);
        if (context.getRuleIndex() == DistrogenParser.RULE_spec) {
            return d.withHint(
                    "each statement starts with a keyword: "
                            + String.join(", ", Keywords.TOP_LEVEL));
        }
        return d.withHint("write it as: " + Keywords.usage(context.getStart().getText()));
    }

    /**
     * A misspelled option after a statement's values on the same line ({@code user "web" uid 1 shel
     * "/bin/sh"}, {@code "/run" ownr "web"}): named as an option of the statement the line starts.
     */
    private static Optional<Diagnostic> optionTypo(Token found, TokenStream tokens) {
        if (found.getType() != DistrogenLexer.IDENT) {
            return Optional.empty();
        }
        Token first = found;
        while (first.getTokenIndex() > 0
                && tokens.get(first.getTokenIndex() - 1).getLine() == found.getLine()) {
            first = tokens.get(first.getTokenIndex() - 1);
        }
        Block block =
                switch (first.getType()) {
                    case DistrogenLexer.USER -> Block.USER;
                    case DistrogenLexer.IMAGE -> Block.IMAGE_OPTIONS;
                    case DistrogenLexer.DIR, DistrogenLexer.CONFIG, DistrogenLexer.STRING ->
                            Block.FILE_OPTIONS;
                    default -> null;
                };
        if (block == null || first == found) {
            return Optional.empty();
        }
        List<String> options = block.keywords();
        String what = block.settingWord();
        return Suggestions.closest(found.getText(), options)
                .map(
                        s ->
                                Diagnostic.error(
                                                Code.UNKNOWN_KEYWORD,
                                                at(found),
                                                "unknown "
                                                        + what
                                                        + " `"
                                                        + found.getText()
                                                        + "`; did you mean `"
                                                        + s
                                                        + "`?")
                                        .withHint(
                                                "here the choices are: "
                                                        + String.join(
                                                                ", ",
                                                                options.stream()
                                                                        .sorted()
                                                                        .toList())));
    }

    private static Diagnostic missingName(Token found, Token previous, ParserRuleContext context) {
        ParserRuleContext setting = context;
        while (setting.getParent() != null
                && (setting.getRuleIndex() == DistrogenParser.RULE_word
                        || setting.getRuleIndex() == DistrogenParser.RULE_keyword)) {
            setting = setting.getParent();
        }
        String message =
                "expected a name"
                        + (previous == null ? "" : " after `" + firstLine(previous.getText()) + "`")
                        + ", found "
                        + describeToken(found);
        return Diagnostic.error(Code.SYNTAX, pointAt(found, previous), message)
                .withHint(
                        "a name starts with a letter or `_`; write it as: "
                                + Keywords.usage(setting.getStart().getText()));
    }

    private static Diagnostic unclosedBlock(
            Token found, Token previous, ParserRuleContext context) {
        Token opening = context.getStart();
        return Diagnostic.error(
                        Code.SYNTAX,
                        pointAt(found, previous),
                        "the `"
                                + opening.getText()
                                + "` block opened at line "
                                + opening.getLine()
                                + " is not closed: expected `}` before the end of the file")
                .withHint("add `}` after the block's last setting");
    }

    private Diagnostic unknownOrMisplaced(
            Token found, List<String> keywordsExpected, ParserRuleContext context) {
        String word = found.getText();
        String home = Keywords.homeOf(word);
        if (!home.isEmpty()) {
            return Diagnostic.error(
                            Code.MISPLACED_KEYWORD,
                            at(found),
                            "`" + word + "` cannot stand here: it is " + home)
                    .withHint("here the choices are: " + String.join(", ", keywordsExpected));
        }
        String suggestion =
                Suggestions.closest(word, keywordsExpected)
                        .or(() -> Suggestions.closest(word, Keywords.all()))
                        .map(s -> "; did you mean `" + s + "`?")
                        .orElse("");
        return Diagnostic.error(
                        Code.UNKNOWN_KEYWORD,
                        at(found),
                        "unknown " + settingWord(context) + " `" + word + "`" + suggestion)
                .withHint("here the choices are: " + String.join(", ", keywordsExpected));
    }

    private static Diagnostic unexpectedCharacter(Token found) {
        String c = found.getText();
        Diagnostic d =
                Diagnostic.error(
                        Code.UNEXPECTED_CHARACTER, at(found), "unexpected character `" + c + "`");
        return switch (c) {
            case "'" -> d.withHint("strings are written in double quotes: \"like this\"");
            case ";" -> d.withHint("no `;` is needed: a statement ends with its last value");
            case ":", "," -> d.withHint("values are separated by spaces");
            default -> d;
        };
    }

    /** "a string", "`{`", "an app setting or `}`" ... for the tokens the parser could take. */
    private static String expectation(IntervalSet expected, ParserRuleContext context) {
        List<String> keywords = keywords(expected);
        List<String> parts = new ArrayList<>();
        if (keywords.size() > 2) {
            parts.add(article(settingWord(context)));
        } else {
            keywords.forEach(k -> parts.add("`" + k + "`"));
        }
        for (int type : expected.toList()) {
            if (!isKeywordType(type) && type != DistrogenLexer.IDENT) {
                parts.add(describeType(type));
            }
        }
        if (expected.contains(DistrogenLexer.IDENT) && keywords.size() <= 2) {
            parts.add(describeType(DistrogenLexer.IDENT));
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1))
                + " or "
                + parts.get(parts.size() - 1);
    }

    /**
     * What a keyword in the rule is called, from the keyword table: "app setting", "k8s setting".
     */
    private static String settingWord(ParserRuleContext context) {
        return (switch (context.getRuleIndex()) {
                    case DistrogenParser.RULE_appStmt, DistrogenParser.RULE_appSetting -> Block.APP;
                    case DistrogenParser.RULE_dockerStmt, DistrogenParser.RULE_dockerSetting ->
                            Block.DOCKER;
                    case DistrogenParser.RULE_nixStmt, DistrogenParser.RULE_nixSetting -> Block.NIX;
                    case DistrogenParser.RULE_userStmt, DistrogenParser.RULE_userOption ->
                            Block.USER;
                    case DistrogenParser.RULE_configStmt, DistrogenParser.RULE_configSource ->
                            Block.CONFIG_SOURCES;
                    case DistrogenParser.RULE_resourcesStmt, DistrogenParser.RULE_resourceSetting ->
                            Block.RESOURCES;
                    case DistrogenParser.RULE_k8sStmt, DistrogenParser.RULE_k8sSetting -> Block.K8S;
                    case DistrogenParser.RULE_healthStmt, DistrogenParser.RULE_healthCheck ->
                            Block.HEALTH;
                    default -> Block.TOP_LEVEL;
                })
                .settingWord();
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static String describeType(int type) {
        return switch (type) {
            case Token.EOF -> "end of file";
            case DistrogenLexer.STRING -> "a string";
            case DistrogenLexer.TEXT_BLOCK -> "a text block";
            case DistrogenLexer.NUMBER -> "a number";
            case DistrogenLexer.IDENT -> "a name";
            default -> "`" + literal(type) + "`";
        };
    }

    private static String describeToken(Token token) {
        return switch (token.getType()) {
            case Token.EOF -> "end of file";
            case DistrogenLexer.STRING -> "string " + token.getText();
            case DistrogenLexer.TEXT_BLOCK -> "a text block";
            case DistrogenLexer.NUMBER -> "number " + token.getText();
            default -> "`" + token.getText() + "`";
        };
    }

    private static List<String> keywords(IntervalSet expected) {
        return expected.toList().stream()
                .filter(SyntaxErrorListener::isKeywordType)
                .map(SyntaxErrorListener::literal)
                .sorted()
                .toList();
    }

    private static boolean isKeywordType(int type) {
        String literal = literal(type);
        return literal != null && Character.isLetter(literal.charAt(0));
    }

    static boolean isWord(Token token) {
        return token.getType() == DistrogenLexer.IDENT || isKeywordType(token.getType());
    }

    /**
     * The token's literal text without quotes ('image' -> image), or null for IDENT, STRING, ...
     */
    private static String literal(int type) {
        String literal = DistrogenLexer.VOCABULARY.getLiteralName(type);
        return literal == null ? null : literal.substring(1, literal.length() - 1);
    }

    /**
     * A missing value is pointed at just after what precedes it, when nothing follows on that line.
     */
    private static SourceLocation pointAt(Token found, Token previous) {
        boolean sameLine =
                previous != null
                        && found.getType() != Token.EOF
                        && found.getLine() == previous.getLine();
        if (previous == null || sameLine) {
            return at(found);
        }
        String text = firstLine(previous.getText());
        return new SourceLocation(
                previous.getLine(), previous.getCharPositionInLine() + text.length() + 1, 1);
    }

    static SourceLocation at(Token token) {
        String text = token.getType() == Token.EOF ? " " : firstLine(token.getText());
        return new SourceLocation(
                token.getLine(), token.getCharPositionInLine() + 1, Math.max(1, text.length()));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
