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
        trimStartUp();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(FileSystems.getDefault(), System.in, out, err, args));
    }

    /**
     * Leaves out what a process needs not set up (ARCHITECTURE.md: "Start-up"): picocli's converters
     * for java.sql and java.time types, registered by reflection for every command (distrogen's
     * options take none of them), and FreeMarker's java.util.logging (distrogen reports template
     * errors itself). Called by main, and by the run that makes the class-data-sharing archive.
     */
    static void trimStartUp() {
        System.setProperty("picocli.converters.excludes", "java\\..*");
        System.setProperty("org.freemarker.loggerLibrary", "none");
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

    /** distrogen and its subcommands, in the order --help lists them; on {@code fileSystem}, reading {@code in}. */
    static CommandLine commandTree(FileSystem fileSystem, InputStream in) {
        CommandLine cli = new CommandLine(new DistrogenCommand(fileSystem, in).spec());
        cli.addSubcommand(CheckCommand.NAME, new CommandLine(new CheckCommand(fileSystem, in).spec()));
        cli.addSubcommand(InitCommand.NAME, new CommandLine(new InitCommand(fileSystem).spec()));
        cli.addSubcommand(HelpCommand.NAME, new CommandLine(new HelpCommand().spec()));
        cli.addSubcommand(CompletionCommand.NAME, new CommandLine(new CompletionCommand().spec()));
        return cli;
    }

    private static CommandLine commandLine(FileSystem fileSystem, InputStream in, String[] arguments) {
        CommandLine cli = commandTree(fileSystem, in);
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
