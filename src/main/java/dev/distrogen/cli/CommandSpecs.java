package dev.distrogen.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What every distrogen command declares alike. The commands build their picocli models in code,
 * not with annotations: reading annotations by reflection (and making a proxy class for each
 * annotation type) was the largest part of distrogen's start-up (ARCHITECTURE.md: "Start-up").
 */
final class CommandSpecs {

    private CommandSpecs() {
    }

    /**
     * A command run by {@code command}'s call(), with -h/--help, -V/--version and the usage layout
     * all commands share; {@code exitCodes} as "CODE:meaning".
     */
    static CommandSpec command(Object command, String name, String description, String... exitCodes) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name(name).versionProvider(new VersionProvider());
        Map<String, String> codes = new LinkedHashMap<>();
        for (String code : exitCodes) {
            String[] parts = code.split(":", 2);
            codes.put(parts[0], parts[1]);
        }
        spec.usageMessage()
                .description(description)
                .sortOptions(false)
                .autoWidth(true)
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(codes);
        return spec;
    }

    /** -h/--help and -V/--version, as picocli's standard help options; added last, so listed last. */
    static void addStandardHelpOptions(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
    }

    /** An option taking one value, shown as {@code label}. */
    static OptionSpec option(String label, String description, String... names) {
        return OptionSpec.builder(names).paramLabel(label).type(String.class).description(description).build();
    }

    /** An option without a value: true when given. */
    static OptionSpec flag(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).initialValue(false).hasInitialValue(true)
                .description(description).build();
    }
}
