package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.DirDecl;
import dev.distrogen.model.FileMode;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * DG052 (warning): /tmp declared with a mode that lacks the sticky bit or is not writable by all.
 * Programs expect /tmp to be 1777 (NixOS/nix#5851, distroless#75).
 */
public final class TmpStickyCheck implements Check {

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        for (DirDecl dir : spec.dirs()) {
            if (!dir.path().value().equals("/tmp") || dir.mode().isEmpty()) {
                continue;
            }
            FileMode.parseOctal(dir.mode().get().value())
                    .filter(mode -> mode.bits() != FileMode.TMP.bits())
                    .ifPresent(
                            mode ->
                                    found.add(
                                            Diagnostic.warning(
                                                            Code.TMP_NOT_STICKY,
                                                            dir.mode().get().at(),
                                                            "/tmp has mode "
                                                                    + mode.octal()
                                                                    + "; programs expect 1777 (writable by all, sticky)")
                                                    .withHint(
                                                            "write mode 1777, or leave the mode out: /tmp defaults to 1777")));
        }
        return found;
    }
}
