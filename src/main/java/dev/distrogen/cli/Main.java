package dev.distrogen.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

/** The entry point: builds the command line and maps every failure to an exit code, never a stack trace. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(FileSystems.getDefault(), System.in, out, err, args));
    }

    /**
     * Runs one command line against {@code fileSystem} (jimfs in tests), with {@code in} as the
     * standard input a spec named {@code -} is read from; returns the exit code.
     */
    public static int run(FileSystem fileSystem, InputStream in, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(fileSystem, in, args);
        cli.setOut(out);
        cli.setErr(err);
        int exit = cli.execute(args);
        out.flush();
        err.flush();
        return exit;
    }

    private static CommandLine commandLine(FileSystem fileSystem, InputStream in, String[] arguments) {
        CommandLine cli = new CommandLine(DistrogenCommand.class, new CommandFactory(fileSystem, in));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            String suggestion = e instanceof UnmatchedArgumentException u ? Commands.suggestion(u, arguments)
                    : Commands.suggestion(e.getMessage());
            String message = e.getMessage();
            if (!suggestion.isEmpty() && message.endsWith(".")) {
                message = message.substring(0, message.length() - 1);
            }
            failed.getErr().println("distrogen: " + message + suggestion);
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
