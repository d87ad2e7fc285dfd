package dev.distrogen.backend;

/** A target cannot be generated from this plan; the message says why in user terms. */
public class GenerationException extends Exception {

    private static final long serialVersionUID = 1L;

    public GenerationException(String message) {
        super(message);
    }
}
