package dev.distrogen;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Ends each test phase of a Maven build (Surefire's unit tests, then Failsafe's integration tests)
 * with one block that lists every skipped test under its reason, instead of reasons scattered over
 * the log. Each phase adds its skips to a ledger in target/ kept for one build (Maven's build
 * timestamp), so the block that ends {@code mvn verify} holds both phases'. Registered through
 * META-INF/services; outside Maven (no {@value #PHASE}) it does nothing.
 */
public final class SkippedTestsReport implements TestExecutionListener {

    /** unit (Surefire) or integration (Failsafe), set by pom.xml. */
    public static final String PHASE = "distrogen.testPhase";

    /** Which Maven build this is: a ledger of another build is started afresh. */
    static final String BUILD = "distrogen.build";

    static final String PREFIX = "[distrogen tests] ";
    private static final int NAME_LENGTH = 60;

    /** A skipped test (or a container, all of whose tests were skipped) and why. */
    record Skip(String test, String reason) {}

    /** What a build has skipped so far, and which phases have run. */
    record Ledger(List<String> phases, List<Skip> skips) {}

    private final String phase;
    private final String build;
    private final Path ledger;
    private final PrintStream out;
    private final List<Skip> skips = Collections.synchronizedList(new ArrayList<>());
    private volatile TestPlan plan;

    /** The one JUnit's launcher loads: configured by the system properties Maven passes. */
    public SkippedTestsReport() {
        this(
                System.getProperty(PHASE),
                System.getProperty(BUILD, ""),
                Golden.root().resolve("target/skipped-tests.tsv"),
                System.out);
    }

    SkippedTestsReport(String phase, String build, Path ledger, PrintStream out) {
        this.phase = phase;
        this.build = build;
        this.ledger = ledger;
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        skips.add(new Skip(name(test), reasonOrSo(reason)));
    }

    /**
     * An aborted test is one whose assumption failed: how Tools skips a test whose tool is missing.
     */
    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            skips.add(
                    new Skip(
                            name(test),
                            reasonOrSo(
                                    result.getThrowable()
                                            .map(Throwable::getMessage)
                                            .orElse(null))));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (phase == null || phase.isEmpty()) {
            return;
        }
        Ledger all = append(ledger, build, phase, List.copyOf(skips));
        out.print(format(all));
        out.flush();
    }

    /**
     * The test's display names from its class down ("CollectScriptIT > lddLibs(String) > [1]
     * /bin/dash"), each cut short.
     */
    private String name(TestIdentifier test) {
        List<String> names = new ArrayList<>();
        for (Optional<TestIdentifier> at = Optional.of(test);
                at.isPresent() && at.get().getParentIdObject().isPresent();
                at = plan == null ? Optional.empty() : plan.getParent(at.get())) {
            String display = at.get().getDisplayName();
            names.add(
                    0,
                    display.length() > NAME_LENGTH
                            ? display.substring(0, NAME_LENGTH - 3) + "..."
                            : display);
        }
        return String.join(" > ", names) + (test.isContainer() ? " (all of it)" : "");
    }

    /**
     * Adds a phase and its skips to the build's ledger (a new one for a new build) and returns it
     * whole.
     */
    static Ledger append(Path file, String build, String phase, List<Skip> skips) {
        try {
            List<String> lines = new ArrayList<>();
            String header = "build\t" + oneLine(build);
            if (Files.exists(file)) {
                List<String> old = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (!old.isEmpty() && old.get(0).equals(header)) {
                    lines.addAll(old);
                }
            }
            if (lines.isEmpty()) {
                lines.add(header);
            }
            lines.add("phase\t" + oneLine(phase));
            for (Skip skip : skips) {
                lines.add("skip\t" + oneLine(skip.test()) + "\t" + oneLine(skip.reason()));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp =
                    Files.createTempFile(
                            file.toAbsolutePath().getParent(), "skipped-tests", ".tmp");
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(
                    temp,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return read(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Ledger read(List<String> lines) {
        List<String> phases = new ArrayList<>();
        List<Skip> skips = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split("\t", -1);
            if (fields[0].equals("phase") && !phases.contains(fields[1])) {
                phases.add(fields[1]);
            } else if (fields[0].equals("skip")) {
                skips.add(new Skip(fields[1], fields[2]));
            }
        }
        return new Ledger(phases, skips);
    }

    /** The block: every skipped test under its reason, reasons in the order they first came. */
    static String format(Ledger ledger) {
        String phases =
                String.join(" and ", ledger.phases().stream().map(p -> p + " tests").toList());
        StringBuilder block = new StringBuilder("\n");
        if (ledger.skips().isEmpty()) {
            return block.append(PREFIX)
                    .append("Skipped in this build's ")
                    .append(phases)
                    .append(": none.\n")
                    .toString();
        }
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (Skip skip : ledger.skips()) {
            byReason.computeIfAbsent(skip.reason(), r -> new ArrayList<>()).add(skip.test());
        }
        int count = ledger.skips().size();
        block.append(PREFIX)
                .append("Skipped in this build's ")
                .append(phases)
                .append(": ")
                .append(count)
                .append(count == 1 ? " test" : " tests")
                .append(", by reason:\n");
        byReason.forEach(
                (reason, tests) -> {
                    block.append("  ").append(reason).append('\n');
                    tests.forEach(test -> block.append("      ").append(test).append('\n'));
                });
        return block.append(PREFIX)
                .append(
                        "sudo .ci/install-tools installs every tool the tests use (README.md: Quick start).\n")
                .toString();
    }

    /**
     * The reason as the test gave it: Assumptions.assumeTrue's prefix off, so that it joins its
     * kind.
     */
    private static String reasonOrSo(String reason) {
        return reason == null || reason.isBlank()
                ? "(no reason given)"
                : reason.replaceFirst("^Assumption failed: ", "");
    }

    /** A field of the ledger: no tab or line break. */
    private static String oneLine(String text) {
        return text.strip().replaceAll("[\\t\\r\\n\\u0085\\u2028\\u2029]+", " ");
    }
}
