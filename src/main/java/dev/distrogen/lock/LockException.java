package dev.distrogen.lock;

/** A lock that cannot be made or read: the message says what and how to fix it. */
public final class LockException extends Exception {

    private static final long serialVersionUID = 1L;

    public LockException(String message) {
        super(message);
    }

    public LockException(String message, Throwable cause) {
        super(message, cause);
    }
}
