package dev.distrogen.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real tool with a time limit and returns what it said; output goes through files, so nothing blocks. */
record Command(int exit, String out, String err) {

    static Command run(Duration limit, List<String> args) {
        try {
            Path out = Files.createTempFile("distrogen-cmd", ".out");
            Path err = Files.createTempFile("distrogen-cmd", ".err");
            try {
                Process process = new ProcessBuilder(args).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("timed out after " + limit + ": " + String.join(" ", args));
                }
                return new Command(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + String.join(" ", args), e);
        }
    }

    /** Runs and fails the test, with the tool's output, when it does not exit 0. */
    static String check(Duration limit, String... args) {
        Command result = run(limit, List.of(args));
        if (result.exit != 0) {
            throw new AssertionError(String.join(" ", args) + " exited " + result.exit + "\n" + result.out + result.err);
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
