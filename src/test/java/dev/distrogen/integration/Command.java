package dev.distrogen.integration;

import dev.distrogen.Forked;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a real tool with a time limit and returns what it said; output goes through files, so
 * nothing blocks.
 */
record Command(int exit, String out, String err) {

    static Command run(Duration limit, List<String> args) {
        Forked run = Forked.process(args, Map.of(), Set.of(), Path.of("").toAbsolutePath(), limit);
        return new Command(run.exit(), run.out(), run.err());
    }

    /** Runs and fails the test, with the tool's output, when it does not exit 0. */
    static String check(Duration limit, String... args) {
        Command result = run(limit, List.of(args));
        if (result.exit != 0) {
            throw new AssertionError(
                    String.join(" ", args)
                            + " exited "
                            + result.exit
                            + "\n"
                            + result.out
                            + result.err);
        }
        return result.out;
    }

    static boolean available(String tool) {
        try {
            return run(Duration.ofSeconds(30), List.of(tool, "--version")).exit == 0;
        } catch (UncheckedIOException e) {
            return false;
        }
    }
}
