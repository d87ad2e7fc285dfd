package dev.distrogen.backend;

import dev.distrogen.GeneratedOutputs;
import dev.distrogen.Tools;
import org.junit.jupiter.api.Test;

/** NixpkgsPinningTest's pinned nixpkgs expression, parsed by real Nix. */
class NixpkgsPinningIT {

    /** The expression the stage writes to nixpkgs.nix is Nix, as nix-instantiate reads it. */
    @Test
    void theStagesNixpkgsExpression_parses() {
        Tools.requireNix();
        GeneratedOutputs.assertNixParses(
                "import ("
                        + NixpkgsPinningTest.fetch(
                                NixpkgsPinningTest.DEFAULT_COMMIT,
                                NixpkgsPinningTest.DEFAULT_SHA256)
                        + ") { }");
    }
}
