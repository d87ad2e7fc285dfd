package dev.distrogen.model;

import java.util.Objects;
import java.util.Optional;

/** {@code config "PATH" from "FILE" | text ... [mode OCTAL] [owner "USER"]}. */
public record ConfigDecl(
        Located<String> path,
        ConfigSource source,
        Optional<Located<String>> owner,
        Optional<Located<String>> mode,
        SourceLocation at) {

    public ConfigDecl {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(at, "at");
    }
}
