package dev.distrogen.output;

/** The output could not be written; the message names the file and the reason. */
public class OutputException extends Exception {

    private static final long serialVersionUID = 1L;

    public OutputException(String message) {
        super(message);
    }
}
