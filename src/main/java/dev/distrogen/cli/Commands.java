package dev.distrogen.cli;

import dev.distrogen.diagnostic.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/** "Did you mean" for the command line: mistyped options and subcommands. */
final class Commands {

    private Commands() {
    }

    /** The subcommands' names, in the order Main's command tree adds them. */
    static final List<String> NAMES = List.of(CheckCommand.NAME, InitCommand.NAME, LockCommand.NAME, HelpCommand.NAME, CompletionCommand.NAME);

    /** "; did you mean the command `check`?" for a word that is no file but close to a command, or "". */
    static String didYouMean(String word) {
        if (word.contains("/") || word.contains(".")) {
            return "";
        }
        return Suggestions.closest(word, NAMES).map(n -> "; did you mean the command `" + n + "`?").orElse("");
    }

    /** A suggestion for the first argument picocli could not place: an option, or a mistyped command. */
    static String suggestion(UnmatchedArgumentException e, String[] args) {
        Optional<String> option = e.getUnmatched().stream().filter(a -> a.startsWith("-") && !a.equals("-")).findFirst();
        if (option.isPresent()) {
            String name = option.get().split("=", 2)[0];
            return Suggestions.didYouMean(name, optionNames(e.getCommandLine().getCommandSpec()));
        }
        boolean topLevel = e.getCommandLine().getCommandSpec().parent() == null;
        return topLevel && args.length > 0 && !args[0].startsWith("-") ? didYouMean(args[0]) : "";
    }

    /** For `help chek`: picocli's "Unknown subcommand 'chek'." gets the command it is closest to. */
    static String suggestion(String message) {
        java.util.regex.Matcher unknown = java.util.regex.Pattern.compile("Unknown subcommand '([^']*)'\\.").matcher(message);
        return unknown.matches() ? didYouMean(unknown.group(1)) : "";
    }

    private static List<String> optionNames(CommandSpec spec) {
        return spec.options().stream().map(OptionSpec::names).flatMap(Arrays::stream).filter(n -> n.startsWith("--")).toList();
    }
}
