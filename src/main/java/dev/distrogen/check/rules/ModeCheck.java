package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.ConfigDecl;
import dev.distrogen.model.DirDecl;
import dev.distrogen.model.FileMode;
import dev.distrogen.model.Located;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** DG050: a mode with a digit that is not octal; DG051: a mode above 07777. */
public final class ModeCheck implements Check {

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        List<Optional<Located<String>>> modes = new ArrayList<>();
        spec.dirs().stream().map(DirDecl::mode).forEach(modes::add);
        spec.configs().stream().map(ConfigDecl::mode).forEach(modes::add);
        for (Optional<Located<String>> mode : modes) {
            mode.ifPresent(m -> check(m, found));
        }
        return found;
    }

    private static void check(Located<String> mode, List<Diagnostic> found) {
        if (!FileMode.isOctal(mode.value())) {
            found.add(
                    Diagnostic.error(
                                    Code.MODE_NOT_OCTAL,
                                    mode.at(),
                                    "mode " + mode.value() + " is not octal")
                            .withHint(
                                    "modes are written in octal digits 0-7, as chmod takes them: 0644, 0750, 1777"));
        } else if (FileMode.parseOctal(mode.value()).isEmpty()) {
            found.add(
                    Diagnostic.error(
                                    Code.MODE_TOO_LARGE,
                                    mode.at(),
                                    "mode " + mode.value() + " is above 07777")
                            .withHint(
                                    "a mode has at most four octal digits: setuid/setgid/sticky, then owner, group, others"));
        }
    }
}
