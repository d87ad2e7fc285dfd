package dev.distrogen;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * The real tools some tests need (buildah, nix-instantiate, trivy, ...). Where one is missing the
 * test is skipped with the reason, which Surefire counts and prints; with
 * {@value #REQUIRE}=1 (as .ci/run sets it) a missing tool fails the test instead, so CI can
 * never pass without running them. Call these from a test or a @BeforeEach, never a @BeforeAll:
 * an assumption there makes Surefire count the class's tests as nothing at all.
 */
public final class Tools {

    public static final String REQUIRE = "DISTROGEN_REQUIRE_TOOLS";
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    private Tools() {
    }

    /** Skips (or, in CI, fails) the running test unless {@code present}. */
    public static void require(boolean present, String reason) {
        if (present) {
            return;
        }
        if ("1".equals(System.getenv(REQUIRE))) {
            fail(reason + " (" + REQUIRE + "=1: every test must run here)");
        }
        if (SAID.add(reason)) {
            System.err.println("[distrogen tests] skipped: " + reason);
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
