package dev.distrogen.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An entry of {@code dirs { ... }} or a {@code dir} statement: an empty directory the app uses.
 *
 * @param persistent where {@code persistent} is written: the data must survive a restart
 */
public record DirDecl(
        Located<String> path,
        Optional<Located<String>> owner,
        Optional<Located<String>> mode,
        Optional<SourceLocation> persistent,
        SourceLocation at) {

    public DirDecl {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(persistent, "persistent");
        Objects.requireNonNull(at, "at");
    }
}
