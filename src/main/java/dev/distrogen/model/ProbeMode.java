package dev.distrogen.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code docker { probe on|off|trace }}: whether the Dockerfile's build stage starts the app in the
 * collected root and sends it the spec's health check before an image exists ({@code on}, the
 * default when the spec declares {@code health http} or {@code health tcp}), not at all ({@code
 * off}), or first traces, in the build stage's own files, the shared objects it loads while serving
 * and adds those the root lacks ({@code trace}).
 */
public enum ProbeMode {
    ON,
    OFF,
    TRACE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProbeMode> ofWord(String word) {
        return Arrays.stream(values()).filter(m -> m.word().equals(word)).findFirst();
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(ProbeMode::word).toList();
    }
}
