package dev.distrogen.cli;

import dev.distrogen.Compiler;
import dev.distrogen.Compiler.Compilation;
import dev.distrogen.backend.Backends;
import dev.distrogen.check.rules.BuildStage;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.diagnostic.DiagnosticFormatter;
import dev.distrogen.diagnostic.FileNameEncoding;
import dev.distrogen.diagnostic.Severity;
import dev.distrogen.model.DisplayText;
import dev.distrogen.model.Overrides;
import dev.distrogen.model.Spec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads and compiles a spec named on the command line, and prints its diagnostics to stderr. */
final class SpecReporter {

    /** How diagnostics name a spec read from standard input. */
    static final String STDIN = "<stdin>";

    private final PrintWriter err;
    private final boolean color;
    private final boolean readiness;

    SpecReporter(PrintWriter err, boolean color) {
        this(err, color, false);
    }

    private SpecReporter(PrintWriter err, boolean color, boolean readiness) {
        this.err = err;
        this.color = color;
        this.readiness = readiness;
    }

    /**
     * This reporter, saying also which targets a spec without errors is ready for (DG083), as
     * {@code check} does.
     */
    SpecReporter withReadiness() {
        return new SpecReporter(err, color, true);
    }

    /**
     * The spec a command-line argument names: a file on {@code fileSystem}, or standard input for
     * {@code -}; empty (after saying why on stderr) when it cannot be read.
     */
    Optional<Compilation> compile(FileSystem fileSystem, InputStream in, String spec) {
        return compile(fileSystem, in, spec, Overrides.NONE);
    }

    /**
     * {@link #compile(FileSystem, InputStream, String)} with what the command line adds to the
     * spec.
     */
    Optional<Compilation> compile(
            FileSystem fileSystem, InputStream in, String spec, Overrides overrides) {
        if (spec.equals("-")) {
            return compileStandardInput(in, fileSystem.getPath("").toAbsolutePath(), overrides);
        }
        try {
            return compile(fileSystem.getPath(spec), spec, overrides);
        } catch (InvalidPathException e) {
            err.println(
                    "distrogen: '"
                            + DisplayText.line(spec)
                            + "' is not a valid path"
                            + FileNameEncoding.hint());
            return Optional.empty();
        }
    }

    /** The compilation, or empty (after saying why on stderr) when the file cannot be read. */
    Optional<Compilation> compile(Path spec, String displayName, Overrides overrides) {
        try {
            if (Files.isDirectory(spec)) {
                err.println(
                        "distrogen: "
                                + DisplayText.line(displayName)
                                + " is a directory; name a spec file (.dl)");
                return Optional.empty();
            }
            return Optional.of(report(Compiler.compile(spec, displayName, overrides)));
        } catch (NoSuchFileException e) {
            err.println(
                    "distrogen: "
                            + DisplayText.line(displayName)
                            + ": no such file"
                            + Commands.didYouMean(displayName));
        } catch (IOException e) {
            err.println(
                    "distrogen: cannot read "
                            + DisplayText.line(displayName + ": " + e.getMessage()));
        }
        return Optional.empty();
    }

    /**
     * The spec read from standard input ({@code -}); its {@code from} files resolve against the
     * working directory.
     */
    private Optional<Compilation> compileStandardInput(
            InputStream in, Path workingDir, Overrides overrides) {
        try {
            return Optional.of(
                    report(Compiler.compile(Compiler.readSpec(in), workingDir, STDIN, overrides)));
        } catch (IOException e) {
            err.println("distrogen: cannot read standard input: " + e.getMessage());
        }
        return Optional.empty();
    }

    private Compilation report(Compilation compilation) {
        if (readiness && !compilation.diagnostics().hasErrors()) {
            compilation
                    .spec()
                    .filter(BuildStage::missing)
                    .ifPresent(spec -> compilation.diagnostics().add(notReady(spec)));
        }
        if (compilation.diagnostics().isEmpty()) {
            return compilation;
        }
        err.print(
                new DiagnosticFormatter(color)
                        .format(
                                compilation.source(),
                                compilation.diagnostics().sorted(),
                                compilation.diagnostics().summary()));
        err.flush();
        return compilation;
    }

    /** DG083: the targets that need no build stage, and those that write the Dockerfile. */
    private static Diagnostic notReady(Spec spec) {
        List<String> needing =
                Backends.names().stream()
                        .filter(n -> Backends.byName(n).orElseThrow().needsBuildStage())
                        .toList();
        List<String> ready = Backends.names().stream().filter(n -> !needing.contains(n)).toList();
        return BuildStage.notReady(spec, ready, needing);
    }

    static boolean failed(Compilation compilation, boolean strict) {
        return compilation.diagnostics().hasErrors()
                || (strict && compilation.diagnostics().count(Severity.WARNING) > 0);
    }
}
