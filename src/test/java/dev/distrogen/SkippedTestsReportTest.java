package dev.distrogen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.distrogen.SkippedTestsReport.Ledger;
import dev.distrogen.SkippedTestsReport.Skip;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class SkippedTestsReportTest {

    @TempDir Path tmp;

    @Test
    void format_listsEachSkippedTestUnderItsReason_inTheOrderTheReasonsCame() {
        Ledger ledger =
                new Ledger(
                        List.of("unit", "integration"),
                        List.of(
                                new Skip(
                                        "NixExpressionIT > everyExample() > nginx",
                                        "nix-instantiate is not installed: the Nix tests need nix-bin"),
                                new Skip(
                                        "TextMateGrammarIT > keywords()",
                                        "node is not installed: the TextMate grammar test runs vscode-textmate"),
                                new Skip(
                                        "NixExpressionIT > everyExample() > redis",
                                        "nix-instantiate is not installed: the Nix tests need nix-bin")));
        assertEquals(
                """

                [distrogen tests] Skipped in this build's unit tests and integration tests: 3 tests, by reason:
                  nix-instantiate is not installed: the Nix tests need nix-bin
                      NixExpressionIT > everyExample() > nginx
                      NixExpressionIT > everyExample() > redis
                  node is not installed: the TextMate grammar test runs vscode-textmate
                      TextMateGrammarIT > keywords()
                [distrogen tests] sudo .ci/install-tools installs every tool the tests use (README.md: Quick start).
                """,
                SkippedTestsReport.format(ledger));
    }

    @Test
    void format_saysSoWhenNothingWasSkipped() {
        assertEquals(
                "\n[distrogen tests] Skipped in this build's unit tests: none.\n",
                SkippedTestsReport.format(new Ledger(List.of("unit"), List.of())));
    }

    @Test
    void ledger_addsEachPhaseOfOneBuild_andStartsAfreshForTheNext() {
        Path file = tmp.resolve("target/skipped-tests.tsv");
        SkippedTestsReport.append(
                file,
                "build 1",
                "unit",
                List.of(new Skip("ATest > a()", "why\ttabbed\nand broken")));
        Ledger both =
                SkippedTestsReport.append(
                        file, "build 1", "integration", List.of(new Skip("BIT > b()", "tool")));
        assertEquals(
                new Ledger(
                        List.of("unit", "integration"),
                        List.of(
                                new Skip("ATest > a()", "why tabbed and broken"),
                                new Skip("BIT > b()", "tool"))),
                both);
        Ledger next = SkippedTestsReport.append(file, "build 2", "unit", List.of());
        assertEquals(new Ledger(List.of("unit"), List.of()), next);
    }

    /**
     * The listener in a real JUnit launcher: aborted, disabled and one aborted invocation of a
     * parameterized test.
     */
    @Test
    void listener_reportsAbortedAndDisabledTests_withTheirReasons_atTheEndOfThePlan() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        var report =
                new SkippedTestsReport(
                        "unit",
                        "b",
                        tmp.resolve("ledger.tsv"),
                        new PrintStream(printed, true, StandardCharsets.UTF_8));
        var launcher =
                LauncherFactory.create(
                        LauncherConfig.builder()
                                .enableTestExecutionListenerAutoRegistration(false)
                                .build());
        launcher.execute(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(DiscoverySelectors.selectClass(Sample.class))
                        .build(),
                report);
        assertEquals(
                """

                [distrogen tests] Skipped in this build's unit tests: 4 tests, by reason:
                  frobnicate is not installed
                      SkippedTestsReportTest$Sample > aVeryLongNameThatAJUnitDisplayNameMayHave_cutAtSixtyChara...
                      SkippedTestsReportTest$Sample > aborted()
                      SkippedTestsReportTest$Sample > oneOfTwo(String) > [2] b
                  not today
                      SkippedTestsReportTest$Sample > disabled()
                [distrogen tests] sudo .ci/install-tools installs every tool the tests use (README.md: Quick start).
                """,
                printed.toString(StandardCharsets.UTF_8));
    }

    /** Run only by the launcher above (Surefire leaves out nested classes). */
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class Sample {

        @Test
        void passes() {}

        @Test
        void aborted() {
            Assumptions.abort("frobnicate is not installed");
        }

        @Test
        void
                aVeryLongNameThatAJUnitDisplayNameMayHave_cutAtSixtyCharacters_soTheBlockStaysReadable() {
            Assumptions.abort("frobnicate is not installed");
        }

        @Test
        @Disabled("not today")
        void disabled() {}

        @ParameterizedTest
        @ValueSource(strings = {"a", "b"})
        void oneOfTwo(String value) {
            Assumptions.assumeTrue(value.equals("a"), "frobnicate is not installed");
        }
    }
}
