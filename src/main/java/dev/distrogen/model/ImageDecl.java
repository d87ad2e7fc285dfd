package dev.distrogen.model;

import java.util.Objects;
import java.util.Optional;

/** {@code image "NAME" [tag "TAG"]}. */
public record ImageDecl(Located<String> name, Optional<Located<String>> tag, SourceLocation at) {

    public ImageDecl {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(at, "at");
    }
}
