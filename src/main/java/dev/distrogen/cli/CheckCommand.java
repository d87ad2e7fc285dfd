package dev.distrogen.cli;

import dev.distrogen.Compiler.Compilation;
import dev.distrogen.diagnostic.FileNameEncoding;
import java.io.PrintWriter;
import java.nio.file.FileSystem;
import java.nio.file.InvalidPathException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code distrogen check SPEC...}: checks only, every file, every problem. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Checks specs and reports every problem with file:line:col; prints 'SPEC: ok' for a clean one.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every spec is clean (warnings allowed unless --strict)",
            "1:a spec has errors (with --strict: or warnings)",
            "2:bad command-line use, or a spec file cannot be read",
            "70:internal error (a bug in distrogen: please report it)"
        })
final class CheckCommand implements Callable<Integer> {

    private final FileSystem fileSystem;

    @Spec
    private CommandSpec command;

    @Parameters(arity = "1..*", paramLabel = "SPEC", description = "spec files (.dl)")
    private List<String> specs;

    @Option(names = "--strict", description = "treat warnings as errors")
    private boolean strict;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", completionCandidates = ColorMode.Names.class,
            description = "colour diagnostics: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    private ColorMode color;

    CheckCommand(FileSystem fileSystem) {
        this.fileSystem = fileSystem;
    }

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        SpecReporter reporter = new SpecReporter(err, color.enabled(System.console() != null));
        int exit = ExitCodes.OK;
        for (String spec : specs) {
            Optional<Compilation> compilation = compile(reporter, spec, err);
            if (compilation.isEmpty()) {
                exit = ExitCodes.USAGE;
            } else if (SpecReporter.failed(compilation.get(), strict)) {
                exit = Math.max(exit, ExitCodes.SPEC_ERRORS);
            } else if (compilation.get().diagnostics().isEmpty()) {
                out.println(spec + ": ok");
            }
        }
        out.flush();
        return exit;
    }

    private Optional<Compilation> compile(SpecReporter reporter, String spec, PrintWriter err) {
        try {
            return reporter.compile(fileSystem.getPath(spec), spec);
        } catch (InvalidPathException e) {
            err.println("distrogen: '" + spec + "' is not a valid path" + FileNameEncoding.hint());
            return Optional.empty();
        }
    }
}
