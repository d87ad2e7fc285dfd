package dev.distrogen.cli;

import dev.distrogen.Compiler;
import dev.distrogen.Compiler.Compilation;
import dev.distrogen.diagnostic.DiagnosticFormatter;
import dev.distrogen.diagnostic.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads and compiles a spec named on the command line, and prints its diagnostics to stderr. */
final class SpecReporter {

    private final PrintWriter err;
    private final boolean color;

    SpecReporter(PrintWriter err, boolean color) {
        this.err = err;
        this.color = color;
    }

    /** The compilation, or empty (after saying why on stderr) when the file cannot be read. */
    Optional<Compilation> compile(Path spec, String displayName) {
        try {
            if (Files.isDirectory(spec)) {
                err.println("distrogen: " + displayName + " is a directory; name a spec file (.dl)");
                return Optional.empty();
            }
            Compilation compilation = Compiler.compile(spec, displayName);
            report(compilation);
            return Optional.of(compilation);
        } catch (NoSuchFileException e) {
            err.println("distrogen: " + displayName + ": no such file");
        } catch (IOException e) {
            err.println("distrogen: cannot read " + displayName + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    private void report(Compilation compilation) {
        if (compilation.diagnostics().isEmpty()) {
            return;
        }
        err.print(new DiagnosticFormatter(color).format(compilation.source(), compilation.diagnostics().sorted(),
                compilation.diagnostics().summary()));
        err.flush();
    }

    static boolean failed(Compilation compilation, boolean strict) {
        return compilation.diagnostics().hasErrors() || (strict && compilation.diagnostics().count(Severity.WARNING) > 0);
    }
}
