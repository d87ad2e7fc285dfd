package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.Located;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DG031: a uid or gid above 4294967294 (the kernel's ids are 32 bits and -1 means "none"). DG034
 * (warning): above 65535, which rootless runtimes with the usual 65536-id subordinate range cannot
 * map, so the image fails to start or unpack there.
 */
public final class IdRangeCheck implements Check {

    private static final long MAPPABLE = 65_535;

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        spec.user()
                .ifPresent(
                        user -> {
                            check("uid", user.uid(), found);
                            check("gid", user.gid(), found);
                        });
        return found;
    }

    private static void check(
            String what, Optional<Located<String>> digits, List<Diagnostic> found) {
        if (digits.isEmpty()) {
            return;
        }
        Located<String> id = digits.get();
        var value = Accounts.id(digits);
        if (value.isEmpty()) {
            found.add(
                    Diagnostic.error(
                                    Code.ID_OUT_OF_RANGE,
                                    id.at(),
                                    what + " " + id.value() + " is out of range")
                            .withHint(
                                    "ids go from 0 to "
                                            + Accounts.MAX_ID
                                            + "; 10001 is a common choice for an app"));
        } else if (value.getAsLong() > MAPPABLE) {
            found.add(
                    Diagnostic.warning(
                                    Code.ID_ABOVE_65535,
                                    id.at(),
                                    what
                                            + " "
                                            + id.value()
                                            + " is above 65535: rootless Podman and Docker map only 65536 ids by default")
                            .withHint("choose an id from 1000 to 65535, e.g. 10001"));
        }
    }
}
