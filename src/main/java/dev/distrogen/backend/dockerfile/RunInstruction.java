package dev.distrogen.backend.dockerfile;

import dev.distrogen.backend.ShellScripts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A shell-form RUN whose script spans lines: Docker joins lines ending in a backslash, so each
 * script line must end where the shell allows a break (';', '{', 'then', 'do', '|'). Comment
 * lines are dropped: inside a RUN they would be Dockerfile comments, not shell ones.
 */
final class RunInstruction {

    private final List<String> lines = new ArrayList<>();

    /** Adds the lines of a script shipped with distrogen (a resource beside this class). */
    RunInstruction library(String resource) {
        lines.addAll(ShellScripts.lines(resource));
        return this;
    }

    /** Adds one line; it must end where the shell allows a line break. */
    RunInstruction line(String line) {
        lines.add(line);
        return this;
    }

    /** "RUN first \\\n    second \\\n    last". */
    String render() {
        StringBuilder out = new StringBuilder("RUN ");
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                out.append("    ");
            }
            out.append(lines.get(i));
            if (i + 1 < lines.size()) {
                out.append(" \\\n");
            }
        }
        return out.toString();
    }
}
