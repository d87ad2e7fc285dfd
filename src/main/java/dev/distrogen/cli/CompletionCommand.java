package dev.distrogen.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code distrogen generate-completion}: the bash/zsh completion script, made from the command model. */
@Command(
        name = "generate-completion",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = "Prints the bash and zsh completion script for distrogen. In bash: source <(distrogen generate-completion); "
                + "the distribution also installs it (README: Install).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "2:bad command-line use"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Override
    public Integer call() {
        CommandLine root = command.commandLine().getParent();
        PrintWriter out = command.commandLine().getOut();
        out.print(AutoComplete.bash(root.getCommandName(), root));
        out.flush();
        return ExitCodes.OK;
    }
}
