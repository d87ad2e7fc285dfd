package dev.distrogen.parse;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;

/**
 * ANTLR's default recovery, minus guessing a missing or extra token: such guesses produce
 * messages about tokens the user never wrote (trino's parser turns them off for the same reason).
 */
final class NoInlineRecoveryStrategy extends DefaultErrorStrategy {

    @Override
    protected boolean singleTokenInsertion(Parser recognizer) {
        return false;
    }

    @Override
    protected Token singleTokenDeletion(Parser recognizer) {
        return null;
    }
}
