package dev.distrogen.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;

/** One in-process run of the command line: exit code, stdout, stderr. */
public record CliRun(int exit, String out, String err) {

    public static CliRun run(FileSystem fileSystem, String... args) {
        return runWithInput(fileSystem, "", args);
    }

    /** A run whose standard input holds {@code stdin}. */
    public static CliRun runWithInput(FileSystem fileSystem, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit =
                Main.run(
                        fileSystem,
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                        new PrintWriter(out),
                        new PrintWriter(err),
                        args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    public static CliRun run(String... args) {
        return run(FileSystems.getDefault(), args);
    }
}
