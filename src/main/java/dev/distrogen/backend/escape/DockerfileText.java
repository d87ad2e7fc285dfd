package dev.distrogen.backend.escape;

/**
 * Values in Dockerfile instructions, as BuildKit and buildah both read them. Instructions other
 * than RUN, ENTRYPOINT and CMD replace {@code $VAR} and {@code ${VAR}}, so a spec's "$" must be
 * written "\$"; the spec's checks keep quotes, backslashes and control characters out of paths,
 * because builders do not agree on how to escape those in COPY and WORKDIR.
 */
public final class DockerfileText {

    private DockerfileText() {}

    /**
     * A double-quoted value for ENV and LABEL: \, " and $ escaped; tabs kept; no other control
     * character.
     */
    public static String quotedValue(String s) {
        requireSingleLine(s);
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + "\"";
    }

    /**
     * A path as one element of a JSON-form COPY: "$" escaped for variable replacement, then JSON.
     */
    public static String copyPath(String path) {
        requirePlainPath(path);
        return Json.quote(path.replace("$", "\\$"));
    }

    /** A WORKDIR argument: the rest of the line is the path, "$" escaped. */
    public static String workdir(String path) {
        requirePlainPath(path);
        return path.replace("$", "\\$");
    }

    private static void requireSingleLine(String s) {
        if (s.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
            throw new IllegalArgumentException(
                    "a control character cannot stand in a Dockerfile value: " + Json.quote(s));
        }
    }

    private static void requirePlainPath(String path) {
        requireSingleLine(path);
        if (path.contains("\"") || path.contains("'") || path.contains("\\")) {
            throw new IllegalArgumentException(
                    "quotes and backslashes are refused in paths by the checks: " + path);
        }
    }
}
