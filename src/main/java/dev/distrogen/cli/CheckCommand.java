package dev.distrogen.cli;

import dev.distrogen.Compiler.Compilation;
import dev.distrogen.backend.Backend;
import dev.distrogen.backend.Backends;
import dev.distrogen.model.DisplayText;
import dev.distrogen.model.Overrides;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.FileSystem;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code distrogen check SPEC...}: checks only, every file, every problem. */
final class CheckCommand implements Callable<Integer> {

    static final String NAME = "check";

    private final FileSystem fileSystem;
    private final InputStream in;
    private final CommandSpec command;
    private final PositionalParamSpec specs =
            PositionalParamSpec.builder()
                    .index("0..*")
                    .arity("1..*")
                    .required(true)
                    .paramLabel("SPEC")
                    .type(String[].class)
                    .description("spec files (.dl); - reads one from standard input")
                    .build();
    private final OptionSpec targetOption =
            OptionSpec.builder("-t", "--target")
                    .paramLabel("TARGET")
                    .type(String.class)
                    .completionCandidates(() -> Backends.names().iterator())
                    .description(
                            "check the specs for this target only, as generating it would:"
                                    + " ${COMPLETION-CANDIDATES} (default: say which targets each"
                                    + " spec is ready for)")
                    .build();
    private final DiagnosticOptions diagnostics;

    CheckCommand(FileSystem fileSystem, InputStream in) {
        this.fileSystem = fileSystem;
        this.in = in;
        this.command =
                CommandSpecs.command(
                        this,
                        NAME,
                        "Checks specs and reports every problem with file:line:col; prints 'SPEC: ok' for a clean one.",
                        "0:every spec is clean (warnings allowed unless --strict)",
                        "1:a spec has errors (with --strict: or warnings)",
                        "2:bad command-line use, or a spec file cannot be read",
                        "70:internal error (a bug in distrogen: please report it)");
        command.addPositional(specs);
        command.addOption(targetOption);
        diagnostics = new DiagnosticOptions(command);
        CommandSpecs.addStandardHelpOptions(command);
    }

    CommandSpec spec() {
        return command;
    }

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        Optional<Backend> target = target();
        // Without --target: which targets a spec is ready for (DG083). With one: what generating
        // it would report (DG087 for a Dockerfile without a build stage), and nothing more.
        SpecReporter reporter =
                target.isPresent()
                        ? diagnostics.reporter(err)
                        : diagnostics.reporter(err).withReadiness();
        Overrides overrides =
                new Overrides(
                        Optional.empty(),
                        Optional.empty(),
                        target.map(Backend::needsBuildStage).orElse(false));
        int exit = ExitCodes.OK;
        for (String spec : specs.<String[]>getValue()) {
            Optional<Compilation> compilation = reporter.compile(fileSystem, in, spec, overrides);
            if (compilation.isEmpty()) {
                exit = ExitCodes.USAGE;
            } else if (SpecReporter.failed(compilation.get(), diagnostics.strict())) {
                exit = Math.max(exit, ExitCodes.SPEC_ERRORS);
            } else if (compilation.get().diagnostics().isEmpty()) {
                out.println(
                        DisplayText.line(spec.equals("-") ? SpecReporter.STDIN : spec) + ": ok");
            }
        }
        out.flush();
        return exit;
    }

    /** --target's built-in target, if given; an unknown name is bad command-line use. */
    private Optional<Backend> target() {
        String name = targetOption.getValue();
        if (name == null) {
            return Optional.empty();
        }
        Optional<Backend> backend = Backends.byName(name);
        if (backend.isEmpty()) {
            throw DistrogenCommand.unknownTarget(command.commandLine(), name, Backends.names());
        }
        return backend;
    }
}
