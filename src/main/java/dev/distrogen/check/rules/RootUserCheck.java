package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.List;

/** DG032 (warning): the app user has uid 0, so the app runs as root. */
public final class RootUserCheck implements Check {

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        spec.user()
                .ifPresent(
                        user -> {
                            if (Accounts.id(user.uid()).orElse(-1) == 0) {
                                found.add(
                                        Diagnostic.warning(
                                                        Code.ROOT_USER,
                                                        user.uid().orElseThrow().at(),
                                                        "uid 0: the app runs as root")
                                                .withHint(
                                                        "a minimal image should still run as a non-root user: give it a uid such as 10001 "
                                                                + "(Kubernetes' runAsNonRoot refuses uid 0)"));
                            }
                        });
        return found;
    }
}
