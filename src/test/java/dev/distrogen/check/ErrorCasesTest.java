package dev.distrogen.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Golden;
import dev.distrogen.cli.CliRun;
import dev.distrogen.diagnostic.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Error files, as in smithy's errorfiles: each {@code errors/NAME.dl} beside {@code NAME.errors},
 * the exact stderr of {@code distrogen check NAME.dl}. A case with an error must exit 1, a case
 * with warnings only 0, and none may ever show a stack trace.
 */
class ErrorCasesTest {

    static final Path CASES = Golden.root().resolve("src/test/resources/errors");
    /** The documented list of codes: the table there must be exactly the Code enum. */
    static final Path DIAGNOSTICS_PAGE = Golden.root().resolve("docs/diagnostics.md");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.filter(f -> f.toString().endsWith(".dl")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void check_reportsExactDiagnostics(Path spec) {
        CliRun run = CliRun.run("check", "--color=never", spec.toString());
        String stderr = run.err().replace(spec.toString(), spec.getFileName().toString());
        String name = spec.getFileName().toString().replaceFirst("\\.dl$", "");

        Golden.assertMatches(CASES.resolve(name + ".errors"), stderr);
        boolean hasError = stderr.contains(": error[");
        assertEquals(hasError ? 1 : 0, run.exit(), "exit code of " + name);
        assertTrue(hasError || stderr.contains(": warning["), "a bad spec reports something: " + name);
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), "no stack trace: " + stderr);
        // "SPEC: ok" is for a spec without any diagnostic; every case here has at least one.
        assertEquals("", run.out(), "a spec with problems prints no 'ok'");
    }

    @Test
    void thereAreAtLeastThirtyCasesWithErrors() throws IOException {
        List<Path> withErrors = cases().filter(c -> !c.getFileName().toString().startsWith("warn-")).toList();
        assertTrue(withErrors.size() >= 30, "only " + withErrors.size() + " error cases");
    }

    @Test
    void theDiagnosticsPageListsExactlyTheCodes_withTheirSeverity() throws IOException {
        String page = Files.readString(DIAGNOSTICS_PAGE);
        var row = java.util.regex.Pattern.compile("(?m)^\\| (DG\\d{3}) \\| (error|warning) \\|").matcher(page);
        List<String> documented = new java.util.ArrayList<>();
        while (row.find()) {
            documented.add(row.group(1) + " " + row.group(2));
        }
        List<String> codes = java.util.Arrays.stream(Code.values()).map(c -> c.id() + " " + c.severity().label()).toList();
        assertEquals(codes, documented);
        assertEquals(codes.size(), java.util.Arrays.stream(Code.values()).map(Code::id).distinct().count(), "ids are unique");
    }

    @Test
    void everyCodeIsReportedByAnErrorFile() throws IOException {
        java.util.Set<String> reported = new java.util.TreeSet<>();
        for (Path spec : cases().toList()) {
            Path errors = CASES.resolve(spec.getFileName().toString().replaceFirst("\\.dl$", ".errors"));
            var m = java.util.regex.Pattern.compile("\\[(DG\\d{3})\\]").matcher(Files.exists(errors) ? Files.readString(errors) : "");
            while (m.find()) {
                reported.add(m.group(1));
            }
        }
        for (Code code : Code.values()) {
            assertTrue(reported.contains(code.id()), code.id() + " has no error file that shows it");
        }
    }

    @Test
    void everyDiagnosticCodeIsDocumentedOnTheDiagnosticsPage() throws IOException {
        String page = Files.readString(DIAGNOSTICS_PAGE);
        for (Path spec : cases().toList()) {
            Path errors = CASES.resolve(spec.getFileName().toString().replaceFirst("\\.dl$", ".errors"));
            if (!Files.exists(errors)) {
                continue;
            }
            for (String line : Files.readAllLines(errors)) {
                var m = java.util.regex.Pattern.compile("\\[(DG\\d{3})\\]").matcher(line);
                while (m.find()) {
                    assertTrue(page.contains("| " + m.group(1) + " |"), m.group(1) + " is not in the table of " + DIAGNOSTICS_PAGE);
                }
            }
        }
    }
}
