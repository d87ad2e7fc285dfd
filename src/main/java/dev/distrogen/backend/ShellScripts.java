package dev.distrogen.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The POSIX shell scripts distrogen ships (src/main/resources/dev/distrogen/scripts/): the build
 * stage's collection and layout, and the SBOM writer that the Dockerfile's nix stage and the Nix
 * target's build both run. Kept outside every target's folder so that no target reads another's.
 */
public final class ShellScripts {

    private static final String FOLDER = "/dev/distrogen/scripts/";

    private ShellScripts() {
    }

    /** The lines of a shipped script, without comment and blank lines. */
    public static List<String> lines(String name) {
        try (InputStream in = ShellScripts.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + FOLDER + name);
            }
            List<String> kept = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    kept.add(line.stripTrailing());
                }
            }
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
