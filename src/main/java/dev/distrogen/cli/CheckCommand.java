package dev.distrogen.cli;

import dev.distrogen.Compiler.Compilation;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.FileSystem;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
    private final InputStream in;

    @Spec
    private CommandSpec command;

    @Parameters(arity = "1..*", paramLabel = "SPEC", description = "spec files (.dl); - reads one from standard input")
    private List<String> specs;

    @Mixin
    private DiagnosticOptions diagnostics = new DiagnosticOptions();

    CheckCommand(FileSystem fileSystem, InputStream in) {
        this.fileSystem = fileSystem;
        this.in = in;
    }

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        SpecReporter reporter = diagnostics.reporter(err);
        int exit = ExitCodes.OK;
        for (String spec : specs) {
            Optional<Compilation> compilation = reporter.compile(fileSystem, in, spec);
            if (compilation.isEmpty()) {
                exit = ExitCodes.USAGE;
            } else if (SpecReporter.failed(compilation.get(), diagnostics.strict)) {
                exit = Math.max(exit, ExitCodes.SPEC_ERRORS);
            } else if (compilation.get().diagnostics().isEmpty()) {
                out.println((spec.equals("-") ? SpecReporter.STDIN : spec) + ": ok");
            }
        }
        out.flush();
        return exit;
    }
}
