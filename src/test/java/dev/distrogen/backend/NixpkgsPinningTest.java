package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Generated;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every place that installs or builds from nixpkgs uses the one pinned nixpkgs (a commit's tarball
 * and its sha256): the Nix expression, the builder nix stage (which once ran {@code nix-env --attr
 * nixpkgs.NAME} against the unpinned channel of nixos/nix:latest) and the docs' scanner commands
 * (which once built from {@code <nixpkgs>}); the builder image is pinned too.
 */
class NixpkgsPinningTest {

    private static final String SPEC =
            "app \"web\" { binary \"/usr/sbin/web\" init \"/usr/bin/tini\" }\n"
                    + "user \"web\" uid 10001 gid 10001\ndocker { builder nix }\n";

    /** NixOS 24.05 as released: what the README promises when the spec pins none. */
    static final String DEFAULT_COMMIT = "5646423bfac84ec68dfc60f2a322e627ef0d6a95";

    static final String DEFAULT_SHA256 = "1lr1h35prqkd1mkmzriwlpvxcb34kmhc9dnr48gkm8hh089hifmx";
    private static final String OWN_COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final String OWN_SHA256 = "0000000000000000000000000000000000000000000000000000";

    static String fetch(String commit, String sha256) {
        return "builtins.fetchTarball { url = \"https://github.com/NixOS/nixpkgs/archive/"
                + commit
                + ".tar.gz\"; sha256 = \""
                + sha256
                + "\"; }";
    }

    @ParameterizedTest(name = "pin {0}")
    @CsvSource({
        "'', " + DEFAULT_COMMIT + ", " + DEFAULT_SHA256,
        "own, " + OWN_COMMIT + ", " + OWN_SHA256
    })
    void builderStage_nixTarget_andDocs_useTheSamePinnedNixpkgs(
            String own, String commit, String sha256) {
        Generated out =
                Generated.of(
                        SPEC
                                + (own.isEmpty()
                                        ? ""
                                        : "nix { nixpkgs \""
                                                + OWN_COMMIT
                                                + "\" sha256 \""
                                                + OWN_SHA256
                                                + "\" }\n"));
        String fetch = fetch(commit, sha256);
        String dockerfile = out.text("dockerfile");
        assertTrue(
                dockerfile.contains(
                        "COPY distrogen/nixpkgs.nix /distrogen/\nRUN sh /distrogen/nix-collect.sh "),
                dockerfile);
        assertEquals(
                "import (" + fetch + ") { }\n", out.text("dockerfile", "distrogen/nixpkgs.nix"));
        assertTrue(
                dockerfile.contains(" web tini\n"),
                "the package and the init, from that nixpkgs: " + dockerfile);
        String script = out.text("dockerfile", "distrogen/nix-collect.sh");
        assertTrue(
                script.contains(
                        "nix-env --profile \"$DG_PROFILE\" --file \"$DG_NIXPKGS\" --install --attr \"$1\""),
                script);
        assertFalse(dockerfile.contains("nixpkgs.$1"), "no channel: " + dockerfile);
        String nix = out.text("nix");
        assertTrue(
                nix.contains(
                                "url = \"https://github.com/NixOS/nixpkgs/archive/"
                                        + commit
                                        + ".tar.gz\";")
                        && nix.contains("sha256 = \"" + sha256 + "\";"),
                nix);
        String docs = out.text("docs");
        assertTrue(
                docs.contains(
                        "sbomnix \"$(nix-build --expr '(import ("
                                + fetch
                                + ") { }).web' --no-out-link)\""),
                docs);
        assertFalse(docs.contains("<nixpkgs>"), docs);
    }

    /**
     * Without a from, builder nix's stage is a Nix release by version tag and digest, not :latest.
     */
    @Test
    void builderImage_isAVersionTag_andADigest() {
        String dockerfile = Generated.of(SPEC).text("dockerfile");
        Matcher from = Pattern.compile("(?m)^FROM (\\S+) AS build$").matcher(dockerfile);
        assertTrue(from.find(), dockerfile);
        assertTrue(
                from.group(1).matches("nixos/nix:[0-9]+\\.[0-9]+\\.[0-9]+@sha256:[0-9a-f]{64}"),
                from.group(1));
    }
}
