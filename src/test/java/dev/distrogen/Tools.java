package dev.distrogen;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real tools some tests need (buildah, nix-instantiate, trivy, ...). Only integration tests
 * (*IT, Failsafe) may need one: a unit test (*Test, Surefire) that asks for one fails, whether the
 * tool is there or not, so that {@code mvn test} needs only Java and Maven. Where a tool is missing
 * the test is skipped with the reason, which SkippedTestsReport lists at the end of the run; with
 * {@value #REQUIRE}=1 (as .ci/run sets it) a missing tool fails the test instead, so CI can never
 * pass without running them. Call these from a test or a @BeforeEach, never a @BeforeAll: an
 * assumption there makes Surefire count the class's tests as nothing at all.
 */
public final class Tools {

    public static final String REQUIRE = "DISTROGEN_REQUIRE_TOOLS";

    private Tools() {}

    /**
     * Skips (or, in CI, fails) the running test unless {@code present}; fails it in a unit test.
     */
    public static void require(boolean present, String reason) {
        if ("unit".equals(System.getProperty(SkippedTestsReport.PHASE))) {
            fail(
                    "a unit test (*Test) needs only Java and Maven, and this one asks for more (where it is missing: "
                            + reason
                            + "): make it an integration test, *IT (CONTRIBUTING.md: Tests)");
        }
        if (present) {
            return;
        }
        if ("1".equals(System.getenv(REQUIRE))) {
            fail(reason + " (" + REQUIRE + "=1: every test must run here)");
        }
        Assumptions.abort(reason);
    }

    /** Each tool must be an executable on PATH. */
    public static void requireOnPath(String why, String... tools) {
        for (String tool : tools) {
            require(onPath(tool), tool + " is not installed: " + why);
        }
    }

    /** nix-instantiate, which parses and evaluates the generated Nix. */
    public static void requireNix() {
        requireOnPath("the Nix tests need nix-bin", "nix-instantiate");
    }

    public static void requireRoot(String why) {
        require("root".equals(System.getProperty("user.name")), "not running as root: " + why);
    }

    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
