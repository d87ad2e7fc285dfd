package dev.distrogen.backend.nix;

import java.util.List;

/**
 * What the Nix template lays out: comments and code blocks, already formatted and escaped.
 *
 * @param nixpkgsUrl the quoted Nix string of the pinned nixpkgs tarball, the default {@code pkgs}
 * @param nixpkgsSha256 the quoted Nix string of its hash
 * @param systems the Nix list of the systems the expression builds for (the spec's platforms), or
 *     null: the builder's own
 * @param systemNames the same systems for a message: "x86_64-linux, aarch64-linux"
 */
public record NixView(
        String specName,
        List<String> buildCommands,
        List<String> bindings,
        String call,
        String nixpkgsUrl,
        String nixpkgsSha256,
        String systems,
        String systemNames) {}
