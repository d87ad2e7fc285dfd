package dev.distrogen.output;

import dev.distrogen.backend.GeneratedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A file's new content, ready before anything in the output directory is replaced: its hash known,
 * and a copy of a user's file already streamed into a temporary file ".{@value #COPY}.DIGITS.tmp"
 * in the directory, hashed while it was copied, so that the hash recorded is that of the bytes
 * written, and memory does not grow with the file's size.
 */
final class StagedFile implements AutoCloseable {

    /** The name the temporary files of copies are made of (for {@link OutputWriter}'s clean-up). */
    static final String COPY = "distrogen-copy";

    private final GeneratedFile file;
    private final String hash;
    private Path temp;

    private StagedFile(GeneratedFile file, String hash, Path temp) {
        this.file = file;
        this.hash = hash;
        this.temp = temp;
    }

    static StagedFile of(Path dir, GeneratedFile file) throws OutputException {
        if (file.source().isEmpty()) {
            return new StagedFile(file, Manifest.sha256(file.content()), null);
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + COPY + ".", ".tmp");
            return new StagedFile(
                    file, AtomicFiles.copy(file.open(), Files.newOutputStream(temp)), temp);
        } catch (IOException e) {
            AtomicFiles.deleteQuietly(temp);
            throw new OutputException(
                    "cannot copy "
                            + file.source().get()
                            + " into "
                            + dir
                            + ": "
                            + AtomicFiles.describe(e)
                            + "; nothing was written");
        }
    }

    String path() {
        return file.path();
    }

    String hash() {
        return hash;
    }

    boolean isCopy() {
        return file.source().isPresent();
    }

    /** The content of a generated file (a copy's is not kept in memory). */
    byte[] generatedContent() {
        if (isCopy()) {
            throw new IllegalStateException("a copy is not held in memory: " + file);
        }
        return file.content();
    }

    /** Puts the content at {@code target}; false when it already held exactly that. */
    boolean placeAt(Path target) throws OutputException {
        if (!isCopy()) {
            return AtomicFiles.write(target, file.content());
        }
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                && AtomicFiles.sha256(target).equals(hash)) {
            return false;
        }
        try {
            AtomicFiles.replace(temp, target);
            temp = null;
            return true;
        } catch (IOException e) {
            throw new OutputException(
                    "cannot write "
                            + target
                            + ": "
                            + AtomicFiles.describe(e)
                            + AtomicFiles.FAILED_HALF_WAY);
        }
    }

    /** Removes the temporary copy, unless it was put in place. */
    @Override
    public void close() {
        AtomicFiles.deleteQuietly(temp);
        temp = null;
    }
}
