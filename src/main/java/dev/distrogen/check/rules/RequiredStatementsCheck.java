package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.SourceLocation;
import dev.distrogen.model.Spec;
import dev.distrogen.model.User;
import java.util.ArrayList;
import java.util.List;

/** DG010: an app with a binary, and a user with uid and gid, must be declared. */
public final class RequiredStatementsCheck implements Check {

    private static final SourceLocation START = new SourceLocation(1, 1, 1);

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        if (spec.app().isEmpty()) {
            found.add(
                    Diagnostic.error(Code.MISSING_STATEMENT, START, "the spec declares no `app`")
                            .withHint(
                                    "add the program the image runs: app \"my-app\" { binary \"/usr/bin/my-app\" }"));
        }
        spec.app()
                .filter(app -> app.binary().isEmpty())
                .ifPresent(
                        app ->
                                found.add(
                                        Diagnostic.error(
                                                        Code.MISSING_STATEMENT,
                                                        app.at(),
                                                        "`app` has no `binary`")
                                                .withHint(
                                                        "add the program's absolute path in the build stage: binary \"/usr/bin/my-app\"")));
        if (spec.user().isEmpty()) {
            found.add(
                    Diagnostic.error(Code.MISSING_STATEMENT, START, "the spec declares no `user`")
                            .withHint(
                                    "add the non-root account the app runs as: user \"app\" uid 10001 gid 10001"));
        }
        spec.user().ifPresent(user -> missingIds(user, found));
        return found;
    }

    private static void missingIds(User user, List<Diagnostic> found) {
        if (user.uid().isEmpty()) {
            found.add(
                    Diagnostic.error(Code.MISSING_STATEMENT, user.at(), "`user` has no `uid`")
                            .withHint(
                                    "images name their user by number: user \""
                                            + user.name().value()
                                            + "\" uid 10001 gid 10001"));
        }
        if (user.gid().isEmpty()) {
            found.add(
                    Diagnostic.error(Code.MISSING_STATEMENT, user.at(), "`user` has no `gid`")
                            .withHint(
                                    "images name their group by number: user \""
                                            + user.name().value()
                                            + "\" uid 10001 gid 10001"));
        }
    }
}
