package dev.distrogen.parse;

import dev.distrogen.diagnostic.Diagnostics;
import dev.distrogen.diagnostic.SpecSource;
import dev.distrogen.model.Spec;
import dev.distrogen.parse.antlr.DistrogenLexer;
import dev.distrogen.parse.antlr.DistrogenParser;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses a spec into the model. The ANTLR parse tree never leaves this package. When the syntax is
 * wrong the result holds only the syntax errors: checking a half-understood spec would report
 * consequences rather than causes.
 */
public final class SpecParser {

    private SpecParser() {}

    public static ParseResult parse(SpecSource source) {
        Diagnostics diagnostics = new Diagnostics();
        DistrogenLexer lexer =
                new DistrogenLexer(CharStreams.fromString(source.text(), source.displayName()));
        lexer.removeErrorListeners();
        DistrogenParser parser = new DistrogenParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.setErrorHandler(new NoInlineRecoveryStrategy());
        parser.addErrorListener(new SyntaxErrorListener(diagnostics));
        DistrogenParser.SpecContext tree;
        try {
            tree = parser.spec();
        } catch (ParseCancellationException stopped) {
            // Recovery stopped at the end of the file after reporting its errors.
            return new ParseResult(Optional.empty(), diagnostics.sorted());
        }
        if (diagnostics.hasErrors()) {
            return new ParseResult(Optional.empty(), diagnostics.sorted());
        }
        Spec spec = new ModelBuilder(source.baseDir(), diagnostics).build(tree);
        return new ParseResult(
                diagnostics.hasErrors() ? Optional.empty() : Optional.of(spec),
                diagnostics.sorted());
    }
}
