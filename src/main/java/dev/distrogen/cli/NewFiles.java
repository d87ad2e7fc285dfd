package dev.distrogen.cli;

import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.output.OutputException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Files written once into a user's folder (init's starter), leaving nothing else there: none that
 * exists is replaced unless forced, and each is written whole (a temporary file, renamed).
 */
final class NewFiles {

    private NewFiles() {}

    static void write(Path dir, List<GeneratedFile> files, boolean force) throws OutputException {
        if (!force) {
            for (GeneratedFile file : files) {
                if (Files.exists(dir.resolve(file.path()))) {
                    throw new OutputException(
                            dir.resolve(file.path()) + " exists already; --force replaces it");
                }
            }
        }
        Path current = null;
        try {
            Files.createDirectories(dir);
            for (GeneratedFile file : files) {
                current = dir.resolve(file.path());
                Path temp = Files.createTempFile(dir, "." + file.path(), ".tmp");
                try {
                    Files.write(temp, file.content());
                    Files.move(
                            temp,
                            current,
                            StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw new OutputException("cannot create " + dir + ": " + e.getFile() + " is a file");
        } catch (IOException e) {
            throw new OutputException(
                    "cannot write " + (current == null ? dir : current) + ": " + e.getMessage());
        }
    }
}
