package dev.distrogen.model;

import java.util.Objects;

/**
 * One statement or setting as it appeared, in order: {@code keyword} inside {@code scope} ("spec",
 * "app", "user", "dir", "config", "docker", "nix"). Kept so that duplicates can be reported
 * although the model itself holds one value per setting.
 */
public record StatementRef(String keyword, String scope, int scopeIndex, SourceLocation at) {

    public StatementRef {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(at, "at");
    }
}
