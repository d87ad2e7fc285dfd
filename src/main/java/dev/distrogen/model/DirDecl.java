package dev.distrogen.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An entry of {@code dirs { ... }} or a {@code dir} statement: an empty directory the app uses.
 *
 * @param persistent where {@code persistent} is written: the data must survive a restart
 * @param size {@code size "5Gi"}: the most the dir's volume holds, as written
 */
public record DirDecl(
        Located<String> path,
        Optional<Located<String>> owner,
        Optional<Located<String>> mode,
        Optional<SourceLocation> persistent,
        Optional<Located<String>> size,
        SourceLocation at) {

    public DirDecl {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(persistent, "persistent");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(at, "at");
    }
}
