package dev.distrogen.cli;

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
            case AUTO -> interactive && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
        };
    }
}
