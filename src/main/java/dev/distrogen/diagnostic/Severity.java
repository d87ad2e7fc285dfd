package dev.distrogen.diagnostic;

import java.util.Locale;

/** How bad a problem is. Errors stop generation; warnings do not (unless {@code --strict}). */
public enum Severity {
    ERROR,
    WARNING;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
