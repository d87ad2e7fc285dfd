package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.NixSettings;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DG079: a nixpkgs pin that cannot be fetched reproducibly: {@code nixpkgs} is not a full commit
 * (40 hex digits), {@code sha256} is not a Nix hash of the unpacked tarball, or one is given
 * without the other.
 */
public final class NixpkgsPinCheck implements Check {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    /** Nix's base-32 (52 characters, without e, o, t, u), hex, or SRI sha256. */
    private static final Pattern SHA256 =
            Pattern.compile(
                    "[0-9abcdfghijklmnpqrsvwxyz]{52}|[0-9a-f]{64}|sha256-[A-Za-z0-9+/]{43}=");

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        NixSettings nix = spec.nix();
        nix.nixpkgs()
                .filter(r -> !COMMIT.matcher(r.value()).matches())
                .ifPresent(
                        r ->
                                found.add(
                                        Diagnostic.error(
                                                        Code.NIXPKGS_PIN,
                                                        r.at(),
                                                        "nixpkgs \""
                                                                + r.value()
                                                                + "\" is not a full commit")
                                                .withHint(
                                                        "give the 40 hex digits of a nixpkgs commit: a branch or tag moves")));
        nix.sha256()
                .filter(h -> !SHA256.matcher(h.value()).matches())
                .ifPresent(
                        h ->
                                found.add(
                                        Diagnostic.error(
                                                        Code.NIXPKGS_PIN,
                                                        h.at(),
                                                        "sha256 \""
                                                                + h.value()
                                                                + "\" is not a Nix sha256 hash")
                                                .withHint(
                                                        "nix-prefetch-url --unpack https://github.com/NixOS/nixpkgs/archive/COMMIT.tar.gz prints it")));
        if (nix.nixpkgs().isPresent() != nix.sha256().isPresent()) {
            String missing = nix.nixpkgs().isPresent() ? "sha256" : "nixpkgs";
            found.add(
                    Diagnostic.error(
                                    Code.NIXPKGS_PIN,
                                    nix.at(),
                                    "nixpkgs is pinned by a commit and its hash, but `"
                                            + missing
                                            + "` is missing")
                            .withHint("give both: nix { nixpkgs \"COMMIT\" sha256 \"HASH\" }"));
        }
        return found;
    }
}
