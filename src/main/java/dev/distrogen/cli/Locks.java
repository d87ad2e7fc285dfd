package dev.distrogen.cli;

import dev.distrogen.lock.LockException;
import dev.distrogen.lock.LockFile;
import dev.distrogen.lock.LockedImages;
import dev.distrogen.model.Overrides;
import dev.distrogen.plan.DockerOptions;
import dev.distrogen.plan.ImagePlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A spec's lock, read by every run that generates from the spec: its images become REF@DIGEST, its
 * packages NAME=VERSION.
 */
final class Locks {

    private Locks() {}

    /** The lock at {@code lockPath}, or none when there is no such file. */
    static Optional<LockFile> read(Path lockPath) throws LockException {
        try {
            return Optional.of(LockFile.parse(Files.readString(lockPath, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new LockException("cannot read " + lockPath + ": " + e.getMessage(), e);
        } catch (LockException e) {
            throw new LockException(
                    lockPath
                            + ": "
                            + e.getMessage()
                            + " (run distrogen lock on the spec to write it anew)",
                    e);
        }
    }

    /** The plan with each package the lock pins installed as NAME=VERSION. */
    static ImagePlan pinPackages(LockFile lock, ImagePlan plan) {
        return plan.withDocker(
                plan.docker().withPackages(lock.pinPackages(plan.docker().packages())));
    }

    /**
     * The Dockerfile's two images, each pinned by the lock where it has it; the command line's
     * choice first.
     */
    static Overrides pinned(LockFile lock, ImagePlan plan, Overrides given) {
        Optional<String> from =
                given.from().or(() -> LockedImages.buildStage(plan, DockerOptions.NIX_IMAGE));
        String base = given.base().orElse(plan.docker().baseImage());
        return new Overrides(
                from.map(lock::pin), Optional.of(lock.pin(base)), given.buildStageNeeded());
    }
}
