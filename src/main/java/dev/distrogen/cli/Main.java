package dev.distrogen.cli;

import dev.distrogen.model.DisplayText;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import picocli.CommandLine;

/**
 * The entry point: builds the command line and maps every failure to an exit code, never a stack
 * trace.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        trimStartUp();
        PrintWriter out =
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err =
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(FileSystems.getDefault(), System.in, out, err, args));
    }

    /**
     * Leaves out what a process needs not set up (ARCHITECTURE.md: "Start-up"): picocli's
     * converters for java.sql and java.time types, registered by reflection for every command
     * (distrogen's options take none of them), and FreeMarker's java.util.logging (distrogen
     * reports template errors itself). Called by main, and by the run that makes the
     * class-data-sharing archive.
     */
    static void trimStartUp() {
        System.setProperty("picocli.converters.excludes", "java\\..*");
        System.setProperty("org.freemarker.loggerLibrary", "none");
    }

    /**
     * Runs one command line against {@code fileSystem} (jimfs in tests), with {@code in} as the
     * standard input a spec named {@code -} is read from; returns the exit code.
     */
    public static int run(
            FileSystem fileSystem,
            InputStream in,
            PrintWriter out,
            PrintWriter err,
            String... args) {
        int exit;
        try {
            CommandLine cli = commandLine(fileSystem, in, args);
            cli.setOut(out);
            cli.setErr(err);
            exit = cli.execute(args);
        } catch (
                Throwable
                        e) { // an Error (out of memory, stack overflow), which picocli lets through
            exit = internalError(err, e);
        }
        out.flush();
        err.flush();
        return exit;
    }

    /**
     * distrogen and its subcommands, in the order --help lists them; on {@code fileSystem}, reading
     * {@code in}.
     */
    static CommandLine commandTree(FileSystem fileSystem, InputStream in) {
        CommandLine cli = new CommandLine(new DistrogenCommand(fileSystem, in).spec());
        cli.addSubcommand(
                CheckCommand.NAME, new CommandLine(new CheckCommand(fileSystem, in).spec()));
        cli.addSubcommand(InitCommand.NAME, new CommandLine(new InitCommand(fileSystem).spec()));
        cli.addSubcommand(
                LockCommand.NAME, new CommandLine(new LockCommand(fileSystem, in).spec()));
        cli.addSubcommand(HelpCommand.NAME, new CommandLine(new HelpCommand().spec()));
        cli.addSubcommand(CompletionCommand.NAME, new CommandLine(new CompletionCommand().spec()));
        return cli;
    }

    private static CommandLine commandLine(
            FileSystem fileSystem, InputStream in, String[] arguments) {
        CommandLine cli = commandTree(fileSystem, in);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(
                (e, args) -> {
                    CommandLine failed = e.getCommandLine();
                    failed.getErr().println("distrogen: " + Commands.message(e, arguments));
                    failed.getErr()
                            .println(
                                    "Try '"
                                            + failed.getCommandSpec().qualifiedName()
                                            + " --help' for more information.");
                    return ExitCodes.USAGE;
                });
        cli.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> internalError(commandLine.getErr(), e));
        return cli;
    }

    /** One line for a bug, never a stack trace (unless DISTROGEN_DEBUG is set); exit 70. */
    private static int internalError(PrintWriter err, Throwable e) {
        err.println(
                "distrogen: internal error: "
                        + DisplayText.line(String.valueOf(e))
                        + " (please report it)");
        if (System.getenv("DISTROGEN_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCodes.INTERNAL;
    }
}
