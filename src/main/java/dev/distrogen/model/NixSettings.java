package dev.distrogen.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code nix { package "ATTR" binary "PATH" function ... nixpkgs "REV" sha256 "HASH" without
 * "PATH"... }}: read by the Nix target only. {@code without} names the {@code libs} and {@code
 * files} paths the Nix image is meant to go without (its package has what they hold, or needs none
 * of it).
 */
public record NixSettings(
        Optional<Located<String>> packageAttr,
        Optional<Located<String>> binary,
        Optional<Located<String>> function,
        Optional<Located<String>> nixpkgs,
        Optional<Located<String>> sha256,
        List<Located<String>> without,
        SourceLocation at) {

    public static final NixSettings NONE =
            new NixSettings(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    SourceLocation.NONE);

    public NixSettings {
        Objects.requireNonNull(packageAttr, "packageAttr");
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(nixpkgs, "nixpkgs");
        Objects.requireNonNull(sha256, "sha256");
        without = List.copyOf(without);
        Objects.requireNonNull(at, "at");
    }
}
