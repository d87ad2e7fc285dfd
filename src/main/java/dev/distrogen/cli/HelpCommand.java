package dev.distrogen.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code distrogen help [COMMAND]}: picocli's help command, declared in code like the others (its
 * own HelpCommand is annotated), with the same texts and behaviour.
 */
final class HelpCommand implements IHelpCommandInitializable2, Callable<Integer> {

    static final String NAME = "help";

    private final CommandSpec command;
    // Completion offers the other commands (picocli's completion does that for its own help command
    // only).
    private final PositionalParamSpec subcommand =
            PositionalParamSpec.builder()
                    .index("0")
                    .arity("0..1")
                    .paramLabel("COMMAND")
                    .type(String.class)
                    .completionCandidates(
                            Commands.NAMES.stream().filter(n -> !n.equals(NAME)).toList())
                    .description("The COMMAND to display the usage help message for.")
                    .build();
    private CommandLine self;
    private ColorScheme colors;
    private PrintWriter out;

    HelpCommand() {
        command = CommandSpec.wrapWithoutInspection(this).name(NAME).helpCommand(true);
        command.usageMessage()
                .header("Display help information about the specified command.")
                .synopsisHeading("%nUsage: ")
                .description(
                        "%nWhen no COMMAND is given, the usage help for the main command is displayed.",
                        "If a COMMAND is specified, the help for that command is shown.%n");
        command.addOption(
                OptionSpec.builder("-h", "--help")
                        .usageHelp(true)
                        .description("Show usage help for the help command and exit.")
                        .build());
        command.addPositional(subcommand);
    }

    CommandSpec spec() {
        return command;
    }

    @Override
    public void init(
            CommandLine helpCommandLine,
            ColorScheme colorScheme,
            PrintWriter out,
            PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public Integer call() {
        CommandLine parent = self.getParent();
        String name = subcommand.getValue();
        if (name == null) {
            parent.usage(out, colors);
            return parent.getCommandSpec().exitCodeOnUsageHelp();
        }
        CommandLine target = parent.getCommandSpec().subcommands().get(name);
        if (target == null) {
            throw new ParameterException(parent, "Unknown subcommand '" + name + "'.", null, name);
        }
        target.usage(out, colors);
        return target.getCommandSpec().exitCodeOnUsageHelp();
    }
}
