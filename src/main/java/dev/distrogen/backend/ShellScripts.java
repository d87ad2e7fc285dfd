package dev.distrogen.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The POSIX shell scripts distrogen ships (src/main/resources/dev/distrogen/scripts/): the build
 * stage's collection and layout, which the Dockerfile target writes beside the Dockerfile, and the
 * SBOM writer that the Nix target's build embeds. Kept outside every target's folder so that no
 * target reads another's.
 */
public final class ShellScripts {

    private static final String FOLDER = "/dev/distrogen/scripts/";

    /** A script sourcing another of the folder: {@code . "$DG_DIR/sbom.sh"}. */
    private static final Pattern SOURCE = Pattern.compile("(?m)^\\. \"[^\"]*/([a-z-]+\\.sh)\"$");

    private ShellScripts() {}

    /** A shipped script's text, as written. */
    public static String text(String name) {
        try (InputStream in = ShellScripts.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a shipped script, without comment and blank lines. */
    public static List<String> lines(String name) {
        List<String> kept = new ArrayList<>();
        for (String line : text(name).split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                kept.add(line.stripTrailing());
            }
        }
        return kept;
    }

    /**
     * The scripts that {@code name} sources, and those they source, read from the scripts
     * themselves.
     */
    public static Set<String> sources(String name) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = SOURCE.matcher(text(name));
        while (m.find()) {
            if (found.add(m.group(1))) {
                found.addAll(sources(m.group(1)));
            }
        }
        return found;
    }
}
