package dev.distrogen.cli;

import picocli.CommandLine.Option;

/** The options every command that reads specs shares: how strict, and whether in colour. */
final class DiagnosticOptions {

    @Option(names = "--strict", description = "treat warnings as errors")
    boolean strict;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", completionCandidates = ColorMode.Names.class,
            description = "colour diagnostics: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    ColorMode color;

    /** A reporter of diagnostics on {@code err}, in colour when asked or (auto) when on a terminal. */
    SpecReporter reporter(java.io.PrintWriter err) {
        return new SpecReporter(err, color.enabled(System.console() != null));
    }
}
