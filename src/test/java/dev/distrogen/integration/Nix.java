package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distrogen.Golden;
import dev.distrogen.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Real Nix on generated expressions, against the nixpkgs test double (nixpkgs itself cannot be
 * fetched here).
 */
final class Nix {

    static final Path DOUBLE = Golden.root().resolve("src/test/resources/nix/pkgs-double.nix");

    private Nix() {}

    static void assumeNix() {
        Tools.requireNix();
    }

    static void assertParses(Path file) {
        Command parse =
                Command.run(
                        Duration.ofMinutes(1),
                        List.of("nix-instantiate", "--parse", file.toString()));
        assertEquals(0, parse.exit(), parse.err());
    }

    /**
     * Evaluates {@code expression} (Nix code) strictly and returns its JSON; fails with Nix's
     * message. Read-write mode writes the files that writeText (builtins.toFile) and path literals
     * name into /nix/store, so the layout commands can copy them.
     */
    static JsonNode eval(String expression) throws IOException {
        Command eval =
                Command.run(
                        Duration.ofMinutes(2),
                        List.of(
                                "nix-instantiate",
                                "--eval",
                                "--strict",
                                "--json",
                                "--read-write-mode",
                                "-E",
                                expression));
        assertEquals(0, eval.exit(), eval.err());
        return new ObjectMapper().readTree(eval.out());
    }

    /**
     * What the generated default.nix in {@code dir} asked of dockerTools, called with the test
     * double as pkgs.
     */
    static JsonNode callWithDouble(Path dir) throws IOException {
        return eval(
                "import "
                        + nixPath(dir.resolve("default.nix"))
                        + " { pkgs = import "
                        + nixPath(DOUBLE)
                        + "; }");
    }

    static Command evalFailing(String expression) {
        return Command.run(
                Duration.ofMinutes(2),
                List.of("nix-instantiate", "--eval", "--strict", "-E", expression));
    }

    /** A path as a Nix expression: absolute paths with any characters. */
    static String nixPath(Path path) {
        return "(/. + \""
                + path.toAbsolutePath()
                        .toString()
                        .replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("${", "\\${")
                + "\")";
    }

    /**
     * The shell commands the layered builders would run under fakeroot; run here as root in {@code
     * layer}.
     */
    static void runLayout(String commands, Path layer) throws IOException, InterruptedException {
        Files.createDirectories(layer);
        Process p =
                new ProcessBuilder("sh", "-ec", commands)
                        .directory(layer.toFile())
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "the layout commands failed:\n" + out);
    }
}
