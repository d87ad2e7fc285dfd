package dev.distrogen.backend.escape;

/**
 * Values of a Compose file. Compose interpolates {@code $VAR} and {@code ${VAR}} in every value
 * from the environment before it reads the file, and YAML quoting does not stop it; {@code $$} is a
 * literal dollar.
 */
public final class ComposeText {

    private ComposeText() {}

    /** {@code s} so that Compose reads exactly {@code s}: no variable in it is interpolated. */
    public static String literal(String s) {
        return s.replace("$", "$$");
    }
}
