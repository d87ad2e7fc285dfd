package dev.distrogen.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The bash completion script (zsh runs it through bashcompinit), made from the command model.
 * picocli's own script completes no file names (it turns bash's default completion off) and no
 * {@code --option=value}; this one completes, for each argument, what its model says it takes: its
 * completion candidates, or by its label: {@code SPEC} a {@code .dl} file, {@code DIR} a directory.
 */
final class BashCompletion {

    /**
     * Labels that name paths: how the names of the files they take end (empty: directories only).
     */
    private static final Map<String, String> PATH_LABELS = Map.of("SPEC", ".dl", "DIR", "");

    private static final String HEADER =
            """
            # bash completion for distrogen, made from its command model (distrogen generate-completion).
            # In bash: source this file (the distribution installs it as share/bash-completion/completions/distrogen);
            # zsh loads it through bashcompinit (share/zsh/site-functions/_distrogen).
            # shellcheck disable=SC2207 # compgen's output is split at newlines only (IFS); zsh has no mapfile.

            # Adds to COMPREPLY the words after $1 that start with $1.
            _distrogen_words() {
                local cur=$1 IFS=$'\\n'
                shift
                COMPREPLY+=( $(compgen -W "$*" -- "$cur") )
            }

            # Adds to COMPREPLY the paths that start with $1 and are directories, or files whose names
            # end in $2 (none when $2 is empty). A glob, not compgen -f: zsh's compgen completes its
            # own word, not $1 (which --option=value has split).
            _distrogen_paths() {
                local path
                type compopt >/dev/null 2>&1 && compopt -o filenames 2>/dev/null
                for path in "$1"*; do
                    if [ -d "$path" ] || { [ -n "$2" ] && [ -f "$path" ] && [[ $path == *"$2" ]]; }; then
                        COMPREPLY+=( "$path" )
                    fi
                done
            }

            # The entry point: finds the command, splits --option=value (bash makes three words of it,
            # zsh one), and completes the current word for that command.
            _complete_distrogen() {
                local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} prefix='' command='' i
                COMPREPLY=()
                if [ "$cur" = "=" ]; then
                    cur=
                elif [ "$prev" = "=" ] && [ "$COMP_CWORD" -ge 2 ]; then
                    prev=${COMP_WORDS[COMP_CWORD-2]}
                elif [[ $cur == --*=* ]]; then
                    prefix=${cur%%=*}=
                    prev=${cur%%=*}
                    cur=${cur#*=}
                fi
                for (( i = 1; i < COMP_CWORD; i++ )); do
                    case ${COMP_WORDS[i]} in
            @COMMANDS@        esac
                done
                case $command in
            @DISPATCH@    esac
                if [ -n "$prefix" ]; then
                    COMPREPLY=( "${COMPREPLY[@]/#/$prefix}" )
                fi
            }

            """;

    private BashCompletion() {}

    /** The script for {@code root} and its subcommands. */
    static String script(CommandLine root) {
        StringBuilder commandCases = new StringBuilder();
        StringBuilder dispatch = new StringBuilder();
        StringBuilder functions = new StringBuilder();
        for (CommandLine sub : root.getSubcommands().values()) {
            String function = function(sub.getCommandName());
            commandCases
                    .append("            ")
                    .append(word(sub.getCommandName()))
                    .append(") [ -n \"$command\" ] || command=")
                    .append(word(sub.getCommandName()))
                    .append(" ;;\n");
            dispatch.append("        ")
                    .append(word(sub.getCommandName()))
                    .append(") ")
                    .append(function)
                    .append(" \"$cur\" \"$prev\" ;;\n");
            functions.append(commandFunction(function, sub.getCommandSpec(), List.of()));
        }
        String main = function("main");
        dispatch.append("        *) ").append(main).append(" \"$cur\" \"$prev\" ;;\n");
        functions.append(
                commandFunction(
                        main, root.getCommandSpec(), List.copyOf(root.getSubcommands().keySet())));
        return HEADER.replace("@COMMANDS@", commandCases).replace("@DISPATCH@", dispatch)
                + functions
                + "complete -F _complete_distrogen -o default "
                + root.getCommandName()
                + "\n";
    }

    /** One command's completion: $1 the word being completed, $2 the word before it. */
    private static String commandFunction(
            String function, CommandSpec spec, List<String> subcommands) {
        StringBuilder values = new StringBuilder();
        List<String> optionNames = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            optionNames.addAll(List.of(option.names()));
            if (option.arity().max() > 0 && !option.type().equals(boolean.class)) {
                values.append("        ")
                        .append(words(List.of(option.names())).replace(' ', '|'))
                        .append(") ")
                        .append(completion(option))
                        .append("; return ;;\n");
            }
        }
        String positional =
                spec.positionalParameters().isEmpty()
                        ? ":"
                        : completion(spec.positionalParameters().get(0));
        if (!subcommands.isEmpty()) {
            positional += "; _distrogen_words \"$1\" " + words(subcommands);
        }
        return "# "
                + spec.qualifiedName()
                + "\n"
                + function
                + "() {\n"
                + (values.isEmpty() ? "" : "    case $2 in\n" + values + "    esac\n")
                + "    case $1 in\n        -*) _distrogen_words \"$1\" "
                + words(optionNames)
                + " ;;\n"
                + "        *) "
                + positional
                + " ;;\n    esac\n}\n\n";
    }

    /** The shell command that adds the completions of {@code arg}'s value to COMPREPLY. */
    private static String completion(ArgSpec arg) {
        List<String> candidates = new ArrayList<>();
        if (arg.completionCandidates() != null) {
            arg.completionCandidates().forEach(candidates::add);
        }
        String suffix = PATH_LABELS.get(arg.paramLabel());
        if (!candidates.isEmpty()) {
            return "_distrogen_words \"$1\" " + words(candidates);
        }
        // Nothing to offer (an image reference, a name): bash's default completion then offers file
        // names.
        return suffix == null ? ":" : "_distrogen_paths \"$1\" " + word(suffix);
    }

    private static String function(String command) {
        return "_distrogen_" + command.replace('-', '_');
    }

    private static String words(List<String> words) {
        return String.join(" ", words.stream().map(BashCompletion::word).toList());
    }

    /** {@code word} quoted for the shell. */
    private static String word(String word) {
        return word.matches("[A-Za-z0-9_.,:/+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
