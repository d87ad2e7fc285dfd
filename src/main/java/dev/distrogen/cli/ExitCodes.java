package dev.distrogen.cli;

/** The exit codes, as listed in every command's --help. */
public final class ExitCodes {

    public static final int OK = 0;

    /** The spec has errors (or warnings, with --strict), or the target cannot be made from it. */
    public static final int SPEC_ERRORS = 1;

    /** Bad command-line use: unknown option or target, missing or unreadable spec file. */
    public static final int USAGE = 2;

    /** The output could not be written, or would have replaced a file the user owns. */
    public static final int OUTPUT = 3;

    /** A bug in distrogen. */
    public static final int INTERNAL = 70;

    private ExitCodes() {}
}
