package dev.distrogen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's promise: a libs or files path the Nix image lacks is warned of (DG091) by check and by
 * every target, the nix target included, until nix { without } names it.
 */
class NixParityWarningTest {

    @TempDir Path tmp;

    private String spec(String nix) throws IOException {
        return Files.writeString(
                        tmp.resolve("web.dl"),
                        "app \"web\" {\n    binary \"/usr/bin/web\"\n    libs \"/usr/lib/web\"\n}\n"
                                + "user \"web\" uid 10001 gid 10001\n"
                                + "docker { from \"web:1\" }\n"
                                + nix)
                .toString();
    }

    @Test
    void checkAndEveryTarget_warnOfAPathTheNixImageLacks_untilWithoutNamesIt() throws IOException {
        String spec = spec("");
        for (String[] args :
                new String[][] {
                    {"check", "--color=never", spec},
                    {spec, "--color=never", "--target", "nix"},
                    {spec, "--color=never", "--target", "dockerfile"},
                    {spec, "--color=never", "--target", "k8s"}
                }) {
            CliRun run = CliRun.run(args);
            assertEquals(0, run.exit(), run.err());
            assertTrue(
                    run.err()
                            .startsWith(
                                    spec
                                            + ":3:10: warning[DG091]: libs \"/usr/lib/web\" is copied from the"
                                            + " Dockerfile's build stage only"),
                    String.join(" ", args) + ": " + run.err());
        }
        String without = spec("nix { without \"/usr/lib/web\" }\n");
        CliRun quiet = CliRun.run(without, "--target", "nix");
        assertEquals(0, quiet.exit(), quiet.err());
        assertEquals("", quiet.err());
    }
}
