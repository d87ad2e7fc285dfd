package dev.distrogen.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Set;

/**
 * The file operations of an output directory: a file written to a temporary file and renamed into
 * place, hashes of files read as streams (never whole into memory), and the messages for what
 * fails.
 */
final class AtomicFiles {

    static final String FAILED_HALF_WAY =
            "; the files distrogen wrote there are listed in "
                    + Manifest.JOURNAL
                    + " or "
                    + Manifest.NAME
                    + ", and the next run finishes the job";

    private AtomicFiles() {}

    /** Writes one file atomically; false when it already held exactly these bytes. */
    static boolean write(Path target, byte[] content) throws OutputException {
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                && sha256(target).equals(Manifest.sha256(content))) {
            return false;
        }
        Path temp = null;
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            temp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".tmp");
            Files.write(temp, content);
            replace(temp, target);
            return true;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new OutputException(
                    "cannot write " + target + ": " + describe(e) + FAILED_HALF_WAY);
        }
    }

    /**
     * Renames {@code temp} to {@code target} (its folders created), with the mode the target had or
     * 0644.
     */
    static void replace(Path temp, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        keepOrDefaultPermissions(temp, target);
        try {
            Files.move(
                    temp,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Copies {@code in} to {@code out}, closing both; the SHA-256 of what was copied. */
    static String copy(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest = Manifest.digest();
        try (in;
                OutputStream hashed = new DigestOutputStream(out, digest)) {
            in.transferTo(hashed);
        }
        return Manifest.hex(digest.digest());
    }

    /** The SHA-256 of a file (not followed if a link), read as a stream. */
    static String sha256(Path file) throws OutputException {
        try {
            return copy(
                    Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS),
                    OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new OutputException("cannot read " + file + ": " + describe(e));
        }
    }

    /** Whether the file starts with exactly {@code prefix}; reads no more than that. */
    static boolean startsWith(Path file, byte[] prefix) throws OutputException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return Arrays.equals(in.readNBytes(prefix.length), prefix);
        } catch (IOException e) {
            throw new OutputException("cannot read " + file + ": " + describe(e));
        }
    }

    static boolean delete(Path file) throws OutputException {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new OutputException(
                    "cannot remove " + file + ": " + describe(e) + FAILED_HALF_WAY);
        }
    }

    static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // A hidden temporary file is all that can remain; the next run removes it.
        }
    }

    /**
     * A temporary file is created 0600; the result should be what the user had (a replaced file
     * keeps its mode) or what an editor would create (0644).
     */
    private static void keepOrDefaultPermissions(Path temp, Path target) throws IOException {
        if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) == null) {
            return;
        }
        Set<PosixFilePermission> permissions =
                Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                        ? Files.getPosixFilePermissions(target)
                        : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }

    static String describe(IOException e) {
        String name =
                e.getClass()
                        .getSimpleName()
                        .replace("Exception", "")
                        .replaceAll("([a-z])([A-Z])", "$1 $2");
        return e.getMessage() == null
                ? name
                : name.toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage();
    }
}
