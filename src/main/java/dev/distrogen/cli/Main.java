package dev.distrogen.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import picocli.CommandLine;

/** The entry point: builds the command line and maps every failure to an exit code, never a stack trace. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(FileSystems.getDefault(), out, err, args));
    }

    /** Runs one command line against {@code fileSystem} (jimfs in tests); returns the exit code. */
    public static int run(FileSystem fileSystem, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(fileSystem);
        cli.setOut(out);
        cli.setErr(err);
        int exit = cli.execute(args);
        out.flush();
        err.flush();
        return exit;
    }

    static CommandLine commandLine(FileSystem fileSystem) {
        CommandLine cli = new CommandLine(DistrogenCommand.class, new CommandFactory(fileSystem));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("distrogen: " + e.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("distrogen: internal error: " + e + " (please report it)");
            if (System.getenv("DISTROGEN_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return ExitCodes.INTERNAL;
        });
        return cli;
    }
}
