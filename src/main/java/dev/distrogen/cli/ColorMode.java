package dev.distrogen.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code --color}: when diagnostics are coloured. */
public enum ColorMode {
    AUTO,
    ALWAYS,
    NEVER;

    /** Whether to colour, given where the text goes; auto honours NO_COLOR and TERM=dumb. */
    boolean enabled(boolean interactive) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO ->
                    interactive
                            && System.getenv("NO_COLOR") == null
                            && !"dumb".equals(System.getenv("TERM"));
        };
    }

    /** The values as users type them, for --help and completion. */
    static List<String> names() {
        return Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }
}
