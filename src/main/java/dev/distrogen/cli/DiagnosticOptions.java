package dev.distrogen.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The options every command that reads specs shares: how strict, and whether in colour. */
final class DiagnosticOptions {

    private final OptionSpec strict = CommandSpecs.flag("treat warnings as errors", "--strict");
    private final OptionSpec color =
            OptionSpec.builder("--color")
                    .paramLabel("WHEN")
                    .type(ColorMode.class)
                    .defaultValue("auto")
                    .completionCandidates(() -> ColorMode.names().iterator())
                    .description(
                            "colour diagnostics: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
                    .build();

    /** Adds the options to {@code command}. */
    DiagnosticOptions(CommandSpec command) {
        command.addOption(strict).addOption(color);
    }

    boolean strict() {
        return strict.<Boolean>getValue();
    }

    /**
     * A reporter of diagnostics on {@code err}, in colour when asked or (auto) when on a terminal.
     */
    SpecReporter reporter(PrintWriter err) {
        ColorMode mode = color.getValue();
        return new SpecReporter(err, mode.enabled(System.console() != null));
    }
}
