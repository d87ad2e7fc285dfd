package dev.distrogen.backend.nix;

import java.util.List;

/**
 * What the Nix template lays out: comments and code blocks, already formatted and escaped.
 *
 * @param nixpkgsUrl the quoted Nix string of the pinned nixpkgs tarball, the default {@code pkgs}
 * @param nixpkgsSha256 the quoted Nix string of its hash
 */
public record NixView(
        String specName,
        List<String> buildCommands,
        List<String> bindings,
        String call,
        String nixpkgsUrl,
        String nixpkgsSha256) {}
