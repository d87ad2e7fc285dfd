package dev.distrogen.backend.nix;

import java.util.List;

/**
 * What the Nix template lays out: comments and code blocks, already formatted and escaped.
 *
 * @param nixpkgsUrl the quoted Nix string of the pinned nixpkgs tarball, the default {@code pkgs}
 * @param nixpkgsSha256 the quoted Nix string of its hash
 * @param dockerfileOnly the spec's {@code libs} and {@code files} ("libs /usr/lib/nginx/modules"),
 *     which this image does not hold, each fit for a comment line
 * @param packageAttr the nixpkgs attribute whose closure the image holds instead
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
        List<String> dockerfileOnly,
        String packageAttr,
        String systems,
        String systemNames) {}
