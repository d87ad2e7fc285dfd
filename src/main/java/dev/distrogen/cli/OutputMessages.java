package dev.distrogen.cli;

import dev.distrogen.model.DisplayText;
import dev.distrogen.output.OutputException;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * What a run says on standard error about -o DIR: warnings and refusals, with the control
 * characters of the file names in them made visible (a name can be planted in a manifest).
 */
final class OutputMessages {

    private OutputMessages() {}

    static Consumer<String> warnings(PrintWriter err) {
        return warning -> err.println("distrogen: warning: " + DisplayText.line(warning));
    }

    /** Reports why nothing (or not everything) was written; the exit code for it. */
    static int refused(PrintWriter err, OutputException e) {
        err.println("distrogen: " + DisplayText.line(e.getMessage()));
        return ExitCodes.OUTPUT;
    }
}
