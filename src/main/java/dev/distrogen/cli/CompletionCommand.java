package dev.distrogen.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code distrogen generate-completion}: the bash/zsh completion script, made from the command model. */
final class CompletionCommand implements Callable<Integer> {

    static final String NAME = "generate-completion";

    private final CommandSpec command;

    CompletionCommand() {
        command = CommandSpecs.command(this, NAME,
                "Prints the bash and zsh completion script for distrogen. In bash: source <(distrogen generate-completion); "
                        + "the distribution also installs it (README.md: Install).",
                "0:printed", "2:bad command-line use");
        command.usageMessage().sortOptions(true);
        CommandSpecs.addStandardHelpOptions(command);
    }

    CommandSpec spec() {
        return command;
    }

    @Override
    public Integer call() {
        CommandLine root = command.commandLine().getParent();
        PrintWriter out = command.commandLine().getOut();
        out.print(AutoComplete.bash(root.getCommandName(), root));
        out.flush();
        return ExitCodes.OK;
    }
}
