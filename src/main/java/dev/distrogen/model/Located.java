package dev.distrogen.model;

import java.util.Objects;

/** A value as the user wrote it, with where it was written, so checks can point at it. */
public record Located<T>(T value, SourceLocation at) {

    public Located {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(at, "at");
    }

    public static <T> Located<T> of(T value, SourceLocation at) {
        return new Located<>(value, at);
    }
}
