package dev.distrogen.model;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code health http "PATH" port N}, {@code health tcp N} or {@code health none}: how a runtime
 * tells that the app is up.
 *
 * @param path the HTTP path, for {@link Kind#HTTP} only
 * @param port the port probed, for HTTP and TCP
 */
public record HealthDecl(
        Kind kind,
        Optional<Located<String>> path,
        Optional<Located<String>> port,
        SourceLocation at) {

    /** The kinds of check. */
    public enum Kind {
        HTTP,
        TCP,
        NONE
    }

    public HealthDecl {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(at, "at");
    }
}
