package dev.distrogen.plan;

import java.util.Objects;

/**
 * The nixpkgs the Nix expression imports by default: a commit's tarball and the sha256 of its
 * unpacked contents, so that the same expression builds the same image tomorrow.
 */
public record NixpkgsPin(String commit, String sha256) {

    /** NixOS 24.05 as released (the nixos-24.05 branch point), when the spec pins none. */
    public static final NixpkgsPin DEFAULT =
            new NixpkgsPin(
                    "5646423bfac84ec68dfc60f2a322e627ef0d6a95",
                    "1lr1h35prqkd1mkmzriwlpvxcb34kmhc9dnr48gkm8hh089hifmx");

    public NixpkgsPin {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(sha256, "sha256");
    }

    public String url() {
        return "https://github.com/NixOS/nixpkgs/archive/" + commit + ".tar.gz";
    }

    /**
     * The pinned nixpkgs as a Nix expression, for every command that installs or builds from it
     * (the builder nix stage, the docs' scanner commands): {@code import (builtins.fetchTarball {
     * url = "..."; sha256 = "..."; }) { }}. The commit and hash are checked (DG079) to hold only
     * hex and base-32 digits, so they need no escaping in a Nix string.
     */
    public String expression() {
        return "import (builtins.fetchTarball { url = \""
                + url()
                + "\"; sha256 = \""
                + sha256
                + "\"; }) { }";
    }
}
