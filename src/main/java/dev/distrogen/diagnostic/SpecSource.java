package dev.distrogen.diagnostic;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The text of a spec file, the name to show for it in diagnostics, and the folder its {@code from}
 * files are resolved against (any {@link java.nio.file.FileSystem}, jimfs in tests).
 */
public record SpecSource(String displayName, Path baseDir, String text) {

    public SpecSource {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(text, "text");
    }

    /** Line {@code n} (1-based) without its line break, or "" when there is no such line. */
    public String line(int n) {
        return n < 1 ? "" : text.lines().skip(n - 1L).findFirst().orElse("");
    }
}
