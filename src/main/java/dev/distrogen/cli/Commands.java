package dev.distrogen.cli;

import dev.distrogen.backend.Backends;
import dev.distrogen.diagnostic.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** What a command-line mistake is reported as, with "did you mean": options, commands, targets. */
final class Commands {

    private static final Pattern UNKNOWN_SUBCOMMAND =
            Pattern.compile("Unknown subcommand '([^']*)'\\.");

    private Commands() {}

    /** The subcommands' names, in the order Main's command tree adds them. */
    static final List<String> NAMES =
            List.of(
                    CheckCommand.NAME,
                    InitCommand.NAME,
                    LockCommand.NAME,
                    HelpCommand.NAME,
                    CompletionCommand.NAME);

    /**
     * "; did you mean the command `check`?" for a word that is no file but close to a command, or
     * "".
     */
    static String didYouMean(String word) {
        if (isFileName(word)) {
            return "";
        }
        return Suggestions.closest(word, NAMES)
                .map(n -> "; did you mean the command `" + n + "`?")
                .orElse("");
    }

    /** The one line that says what is wrong with the command line, and what was probably meant. */
    static String message(ParameterException e, String[] args) {
        if (e instanceof UnmatchedArgumentException unmatched) {
            return unmatched(unmatched, args);
        }
        Matcher unknown = UNKNOWN_SUBCOMMAND.matcher(e.getMessage());
        if (unknown.matches()) {
            String word = unknown.group(1);
            String suggestion = didYouMean(word);
            return "Unknown subcommand '"
                    + word
                    + "'"
                    + (suggestion.isEmpty()
                            ? "; the commands are: " + String.join(", ", NAMES)
                            : suggestion);
        }
        return e.getMessage();
    }

    /**
     * Arguments picocli could not place. An unknown option is reported alone, without the words
     * after it (most likely its value, as in {@code --taget dockerfile}); a target name where no
     * argument belongs was meant for --target.
     */
    private static String unmatched(UnmatchedArgumentException e, String[] args) {
        List<String> options =
                e.getUnmatched().stream().filter(a -> a.startsWith("-") && !a.equals("-")).toList();
        if (!options.isEmpty()) {
            String names = String.join(", ", options.stream().map(o -> "'" + o + "'").toList());
            String first = options.get(0).split("=", 2)[0];
            return (options.size() == 1 ? "Unknown option: " : "Unknown options: ")
                    + names
                    + Suggestions.didYouMean(
                            first, optionNames(e.getCommandLine().getCommandSpec()));
        }
        String message = withoutFullStop(e.getMessage());
        if (e.getCommandLine().getCommandSpec().parent() != null) {
            return message;
        }
        Optional<String> target =
                e.getUnmatched().stream()
                        .map(Commands::targetNamed)
                        .flatMap(Optional::stream)
                        .findFirst();
        if (target.isPresent()) {
            return message + "; did you mean `--target " + target.get() + "`?";
        }
        String command = args.length > 0 && !args[0].startsWith("-") ? didYouMean(args[0]) : "";
        return message + command;
    }

    /** The target {@code word} names, or is a typo of. */
    private static Optional<String> targetNamed(String word) {
        return isFileName(word) ? Optional.empty() : Suggestions.closest(word, Backends.names());
    }

    private static boolean isFileName(String word) {
        return word.contains("/") || word.contains(".");
    }

    private static String withoutFullStop(String message) {
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    private static List<String> optionNames(CommandSpec spec) {
        return spec.options().stream()
                .map(OptionSpec::names)
                .flatMap(Arrays::stream)
                .filter(n -> n.startsWith("--"))
                .toList();
    }
}
