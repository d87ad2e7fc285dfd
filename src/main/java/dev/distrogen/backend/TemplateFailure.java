package dev.distrogen.backend;

/** A user's template failed; the message starts with the template's file:line:col. */
public final class TemplateFailure extends GenerationException {

    private static final long serialVersionUID = 1L;

    public TemplateFailure(String message) {
        super(message);
    }
}
