package dev.distrogen.parse;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * ANTLR's default recovery, minus guessing a missing or extra token: such guesses produce messages
 * about tokens the user never wrote (trino's parser turns them off for the same reason). Instead it
 * recovers at statement and setting boundaries, so that independent mistakes are all reported in
 * one run:
 *
 * <ul>
 *   <li>in the list of statements and in a block's list of settings, an unknown word is reported
 *       and skipped with its values, up to the next word that can start a statement or setting, or
 *       the next word that starts a line (each statement stands on its own line), which is then
 *       judged on its own;
 *   <li>a mistake inside a statement skips to the same places, never past the start of a line.
 * </ul>
 */
final class NoInlineRecoveryStrategy extends DefaultErrorStrategy {

    /** The token at which recovery last started. */
    private int lastRecoverIndex = -1;

    @Override
    protected boolean singleTokenInsertion(Parser recognizer) {
        return false;
    }

    @Override
    protected Token singleTokenDeletion(Parser recognizer) {
        return null;
    }

    @Override
    public void sync(Parser recognizer) throws RecognitionException {
        ATNState state = recognizer.getInterpreter().atn.states.get(recognizer.getState());
        boolean loop =
                state.getStateType() == ATNState.STAR_LOOP_ENTRY
                        || state.getStateType() == ATNState.STAR_LOOP_BACK;
        IntervalSet next = recognizer.getATN().nextTokens(state);
        if (!loop || next.contains(Token.EPSILON) || inErrorRecoveryMode(recognizer)) {
            super.sync(recognizer);
            return;
        }
        // A list that only ends at `}` or the end of the file: skip what cannot start an element.
        TokenStream tokens = recognizer.getInputStream();
        while (!next.contains(tokens.LA(1)) && tokens.LA(1) != Token.EOF) {
            recognizer.notifyErrorListeners(tokens.LT(1), "unexpected", null);
            recognizer.consume();
            consumeUntil(recognizer, next);
        }
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        // ANTLR makes progress by consuming a token when an error repeats at the same place, but
        // ending the error condition at a line's first word (below) resets its record of that;
        // `resources {` then `limit` alone on a line was retried forever. Keep the guarantee here:
        // a second error at the same token skips it, and at the end of the file, whose errors are
        // reported, the parse stops.
        TokenStream tokens = recognizer.getInputStream();
        if (tokens.index() == lastRecoverIndex) {
            if (tokens.LA(1) == Token.EOF) {
                throw new ParseCancellationException(e);
            }
            recognizer.consume();
        }
        lastRecoverIndex = tokens.index();
        super.recover(recognizer, e);
        if (startsLine(tokens, tokens.LT(1))) {
            // A new line: a new statement, whose own mistakes must be reported.
            endErrorCondition(recognizer);
        }
    }

    /** Consumes up to a token in {@code set}, or up to a word that starts a line. */
    @Override
    protected void consumeUntil(Parser recognizer, IntervalSet set) {
        TokenStream tokens = recognizer.getInputStream();
        while (tokens.LA(1) != Token.EOF
                && !set.contains(tokens.LA(1))
                && !startsLine(tokens, tokens.LT(1))) {
            recognizer.consume();
        }
    }

    /** Whether {@code token} is a word (a name or keyword) and the first token on its line. */
    private static boolean startsLine(TokenStream tokens, Token token) {
        if (!SyntaxErrorListener.isWord(token)) {
            return false;
        }
        if (token.getTokenIndex() == 0) {
            return true;
        }
        Token previous = tokens.get(token.getTokenIndex() - 1);
        long breaks = previous.getText().chars().filter(c -> c == '\n').count();
        return previous.getLine() + breaks < token.getLine();
    }
}
