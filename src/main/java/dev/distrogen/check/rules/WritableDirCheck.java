package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.DirAccess;
import dev.distrogen.model.DirDecl;
import dev.distrogen.model.FileMode;
import dev.distrogen.model.Located;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * DG053 (warning): a declared dir the app's user cannot write to. Dirs are declared because the app
 * writes there; one owned by root with 0755 is the missing-chown bug of hand-written images. The
 * permission is the model's one rule ({@link DirAccess}: the kernel's owner, group or others bits),
 * the same the plan uses to decide which dirs the read-only recipes mount: a gid-0 user may write a
 * root-group dir of mode 0770 (the OpenShift pattern).
 */
public final class WritableDirCheck implements Check {

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        OptionalLong uid = Accounts.appUid(spec);
        OptionalLong gid = Accounts.appGid(spec);
        if (uid.isEmpty() || gid.isEmpty() || uid.getAsLong() == 0) {
            return found;
        }
        String user = spec.user().orElseThrow().name().value();
        for (DirDecl dir : spec.dirs()) {
            if (dir.owner().filter(o -> !Accounts.isKnownOwner(spec, o.value())).isPresent()) {
                continue; // an unknown owner is OwnerCheck's error
            }
            Optional<FileMode> mode = DirAccess.mode(dir.path().value(), dir.mode());
            if (mode.isPresent()
                    && !DirAccess.writable(dir, user, uid.getAsLong(), gid.getAsLong())
                            .orElseThrow()) {
                boolean ownedByUser = DirAccess.ownedByUser(dir.owner(), user);
                String owner = dir.owner().map(Located::value).orElse("root");
                found.add(
                        Diagnostic.warning(
                                        Code.DIR_NOT_WRITABLE,
                                        dir.path().at(),
                                        "the app runs as \""
                                                + user
                                                + "\", which cannot write to "
                                                + dir.path().value()
                                                + " (owner "
                                                + owner
                                                + ", mode "
                                                + mode.get().octal()
                                                + ")")
                                .withHint(
                                        ownedByUser
                                                ? "give the owner write permission, e.g. mode 0750"
                                                : "add owner \"" + user + "\" to this dir"));
            }
        }
        return found;
    }
}
