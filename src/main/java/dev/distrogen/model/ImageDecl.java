package dev.distrogen.model;

import java.util.Objects;
import java.util.Optional;

/** {@code image "NAME" [tag "TAG"] [digest "sha256:..."]}. */
public record ImageDecl(
        Located<String> name,
        Optional<Located<String>> tag,
        Optional<Located<String>> digest,
        SourceLocation at) {

    public ImageDecl {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(at, "at");
    }
}
