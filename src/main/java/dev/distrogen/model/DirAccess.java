package dev.distrogen.model;

import java.util.Optional;

/**
 * Who may write a directory of the image: the one rule the checks (DG053, DG081) and the plan
 * (which dirs get a volume on a read-only root) both ask. A dir belongs to the app's user when its
 * {@code owner} names that user, else to root; without a {@code mode} it has 1777 (/tmp) or 0755;
 * the kernel's owner, group or others bits decide ({@link FileMode#allowsWrite}).
 */
public final class DirAccess {

    private static final String TMP = "/tmp";

    private DirAccess() {}

    /** A dir's mode: as written (empty when not octal), else the default for its path. */
    public static Optional<FileMode> mode(String path, Optional<Located<String>> written) {
        return written.isPresent()
                ? FileMode.parseOctal(written.get().value())
                : Optional.of(path.equals(TMP) ? FileMode.TMP : FileMode.DIRECTORY);
    }

    /** Whether {@code owner} names the app's user {@code userName}; any other owner is root. */
    public static boolean ownedByUser(Optional<Located<String>> owner, String userName) {
        return owner.map(Located::value).filter(userName::equals).isPresent();
    }

    /**
     * Whether the app's user (its name, uid and gid) may write a dir of {@code path} with the
     * {@code owner} and {@code mode} written for it; empty when the mode is not valid.
     */
    public static Optional<Boolean> writable(
            String path,
            Optional<Located<String>> owner,
            Optional<Located<String>> mode,
            String userName,
            long uid,
            long gid) {
        boolean own = ownedByUser(owner, userName);
        return mode(path, mode).map(m -> m.allowsWrite(uid, gid, own ? uid : 0, own ? gid : 0));
    }

    /** {@link #writable} of a declared dir. */
    public static Optional<Boolean> writable(DirDecl dir, String userName, long uid, long gid) {
        return writable(dir.path().value(), dir.owner(), dir.mode(), userName, uid, gid);
    }
}
