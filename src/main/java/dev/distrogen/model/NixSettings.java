package dev.distrogen.model;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code nix { package "ATTR" binary "PATH" function ... nixpkgs "REV" sha256 "HASH" }}: read by
 * the Nix target only.
 */
public record NixSettings(
        Optional<Located<String>> packageAttr,
        Optional<Located<String>> binary,
        Optional<Located<String>> function,
        Optional<Located<String>> nixpkgs,
        Optional<Located<String>> sha256,
        SourceLocation at) {

    public static final NixSettings NONE =
            new NixSettings(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    SourceLocation.NONE);

    public NixSettings {
        Objects.requireNonNull(packageAttr, "packageAttr");
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(nixpkgs, "nixpkgs");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(at, "at");
    }
}
