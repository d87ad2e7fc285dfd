package dev.distrogen.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@value #NAME}: one run at a time writes into an output directory. The lock is the operating
 * system's lock on that file (released when the process ends, even by kill -9), and the file
 * is removed when the run is done. Removing a lock file is safe only so: the holder writes a
 * token of its own into the file it locked, and a run counts as holding the lock only when the
 * file at the path holds its token; one that locked a file removed meanwhile tries again.
 * Threads of one process take turns before that: closing any channel of a file drops every lock
 * the process holds on it, so two threads of one process must never both have it open.
 */
final class DirectoryLock implements AutoCloseable {

    static final String NAME = ".distrogen-lock";
    /** How long a run waits for another one writing into the same directory. */
    static final Duration WAIT = Duration.ofSeconds(Long.getLong("distrogen.lockWaitSeconds", 30));

    private static final Semaphore THIS_PROCESS = new Semaphore(1, true);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits up to {@link #WAIT} for the directory's lock. */
    static DirectoryLock acquire(Path dir) throws OutputException {
        Path file = dir.resolve(NAME);
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            if (!THIS_PROCESS.tryAcquire(WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(dir, file);
            }
            while (true) {
                DirectoryLock held = tryOnce(file);
                if (held != null) {
                    return held;
                }
                if (System.nanoTime() > deadline) {
                    THIS_PROCESS.release();
                    throw busy(dir, file);
                }
                Thread.sleep(20);
            }
        } catch (IOException e) {
            THIS_PROCESS.release();
            throw new OutputException("cannot lock " + file + ": " + OutputWriter.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutputException("interrupted while waiting for " + file);
        }
    }

    private static OutputException busy(Path dir, Path file) {
        return new OutputException(dir + " is being written by another distrogen run (it holds " + file + "); waited "
                + WAIT.toSeconds() + " s, nothing was written");
    }

    private static DirectoryLock tryOnce(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            byte[] token = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(token), 0);
            channel.force(false);
            if (holdsToken(file, token)) {
                return new DirectoryLock(file, channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // Another thread of this process holds it.
        }
        channel.close();
        return null;
    }

    private static boolean holdsToken(Path file, byte[] token) throws IOException {
        try {
            return Arrays.equals(Files.readAllBytes(file), token);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Removes the lock file, then releases the lock. */
    @Override
    public void close() throws OutputException {
        try {
            Files.deleteIfExists(file);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new OutputException("cannot unlock " + file + ": " + OutputWriter.describe(e));
        } finally {
            THIS_PROCESS.release();
        }
    }
}
