package dev.distrogen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec without {@code docker { from }} is valid (Nix builds it) but the Dockerfile has no build
 * stage: {@code check} warns and names the targets it is ready for; the dockerfile and all targets
 * refuse it at file:line:col, as every other spec error; the others make it quietly. {@code check
 * --target T} checks as generating T would.
 */
class BuildStageReadinessTest {

    private static final String NO_FROM =
            """
            # for Nix only
            app "web" {
                binary "/usr/bin/web"
            }
            user "web" uid 10001 gid 10001
            """;

    @TempDir Path tmp;

    private String spec(String text) throws IOException {
        return Files.writeString(tmp.resolve("nofrom.dl"), text).toString();
    }

    @Test
    void check_warnsThatTheDockerfileHasNoBuildStage_andNamesTheReadyTargets() throws IOException {
        String spec = spec(NO_FROM);
        CliRun run = CliRun.run("check", "--color=never", spec);
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.out(), "a warning, so no 'ok'");
        assertTrue(
                run.err()
                        .startsWith(
                                spec
                                        + ":2:1: warning[DG083]: no build stage for the Dockerfile: "
                                        + "ready for the targets plan, json, nix, docs, k8s and compose; not for dockerfile and all\n"),
                run.err());
        assertEquals(
                1,
                CliRun.run("check", "--strict", spec).exit(),
                "--strict holds warnings to account");
    }

    @Test
    void checkForOneTarget_reportsWhatGeneratingItWould() throws IOException {
        String spec = spec(NO_FROM);
        CliRun nix = CliRun.run("check", "--strict", "--target", "nix", spec);
        assertEquals(0, nix.exit(), nix.err());
        assertEquals("", nix.err(), "a Nix-only spec is clean for nix, --strict included");
        assertEquals(spec + ": ok\n", nix.out());

        CliRun dockerfile = CliRun.run("check", "--color=never", "-t", "dockerfile", spec);
        assertEquals(1, dockerfile.exit(), dockerfile.err());
        assertTrue(dockerfile.err().startsWith(spec + ":2:1: error[DG087]: "), dockerfile.err());
        assertEquals("", dockerfile.out());

        CliRun unknown = CliRun.run("check", "--target", "nixx", spec);
        assertEquals(2, unknown.exit(), unknown.err());
        assertTrue(
                unknown.err().contains("unknown target 'nixx'; did you mean `nix`?"),
                unknown.err());
    }

    @Test
    void dockerfileTarget_refusesAtTheAppStatement() throws IOException {
        String spec = spec(NO_FROM);
        for (String target : new String[] {"dockerfile", "all"}) {
            CliRun run =
                    CliRun.run(
                            spec,
                            "--color=never",
                            "--target",
                            target,
                            "-o",
                            tmp.resolve("out-" + target).toString());
            assertEquals(1, run.exit(), run.err());
            assertTrue(
                    run.err()
                            .startsWith(
                                    spec
                                            + ":2:1: error[DG087]: the Dockerfile needs a build stage that holds the app"),
                    run.err());
            assertTrue(run.err().contains(" 2 | app \"web\" {\n"), run.err());
            assertTrue(run.err().endsWith("1 error\n"), run.err());
        }
    }

    @Test
    void dockerfileTarget_namesStandardInput_asDiagnosticsDo() {
        CliRun run =
                CliRun.runWithInput(
                        java.nio.file.FileSystems.getDefault(),
                        "user \"web\" uid 1 gid 1\napp \"web\" { binary \"/w\" }\n",
                        "-",
                        "--target",
                        "dockerfile");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().startsWith("<stdin>:2:1: error[DG087]: "), run.err());
    }

    @Test
    void aDockerBlockWithoutFrom_isWhereTheBuildStageGoes() throws IOException {
        // A docker block with no from: the place to add it.
        String spec = spec(NO_FROM + "docker { base scratch }\n");
        CliRun run = CliRun.run(spec, "--target", "dockerfile");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().startsWith(spec + ":6:1: error[DG087]: "), run.err());
    }

    @Test
    void otherTargets_andAFromOnTheCommandLine_makeItWithoutAWord() throws IOException {
        String spec = spec(NO_FROM);
        for (String target : new String[] {"nix", "plan", "k8s"}) {
            CliRun run = CliRun.run(spec, "--target", target);
            assertEquals(0, run.exit(), run.err());
            assertEquals("", run.err(), target);
        }
        CliRun from = CliRun.run(spec, "--target", "dockerfile", "--from", "web:1");
        assertEquals(0, from.exit(), from.err());
        assertEquals("", from.err());
    }
}
