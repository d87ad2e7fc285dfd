package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.DirDecl;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DG054 (warning): a dir the app writes to under /var/lib or /data, where apps keep their state,
 * that is not {@code persistent}: with a read-only root it is a tmpfs or an emptyDir, lost on every
 * restart. Said once a path; a dir the app cannot write to is WritableDirCheck's warning.
 */
public final class PersistentDirCheck implements Check {

    static final List<String> STATE_ROOTS = List.of("/var/lib", "/data");

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        Set<String> said = new HashSet<>();
        for (DirDecl dir : spec.dirs()) {
            String path = dir.path().value();
            if (dir.persistent().isEmpty()
                    && Accounts.appCanWrite(spec, dir)
                    && said.add(path)
                    && STATE_ROOTS.stream()
                            .anyMatch(root -> path.equals(root) || path.startsWith(root + "/"))) {
                found.add(
                        Diagnostic.warning(
                                        Code.STATE_NOT_PERSISTENT,
                                        dir.path().at(),
                                        path
                                                + " holds state, but is not persistent: its data is lost when the container restarts")
                                .withHint(
                                        "add `persistent` to keep it in a volume: dir \""
                                                + path
                                                + "\" persistent"));
            }
        }
        return found;
    }
}
