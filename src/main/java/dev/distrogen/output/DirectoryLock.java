package dev.distrogen.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@value #NAME}: one run at a time writes into an output directory. The lock is the operating
 * system's lock on that file (released when the process ends, even by kill -9). The file stays,
 * empty: a lock file that is removed can be locked by two runs at once (one holding the removed
 * file, one a new one), and with POSIX locks a process cannot check which file it holds without
 * opening it again, and closing that second descriptor would drop its lock. For the same reason,
 * threads of one process take turns before locking: two of them must never both have the file open.
 * A link in its place is refused, never followed: it could point anywhere outside the directory.
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
        if (Files.isSymbolicLink(file)) {
            throw new OutputException(
                    file
                            + " is a symbolic link; distrogen locks the directory with a plain file there and "
                            + "does not follow links: nothing was written (remove the link)");
        }
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
            throw new OutputException("cannot lock " + file + ": " + AtomicFiles.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutputException("interrupted while waiting for " + file);
        }
    }

    private static OutputException busy(Path dir, Path file) {
        return new OutputException(
                dir
                        + " is being written by another distrogen run (it holds "
                        + file
                        + "); waited "
                        + WAIT.toSeconds()
                        + " s, nothing was written");
    }

    private static DirectoryLock tryOnce(Path file) throws IOException {
        FileChannel channel =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new DirectoryLock(file, channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // Cannot happen while threads take turns; treated as held.
        }
        channel.close();
        return null;
    }

    /** Releases the lock; the file stays. */
    @Override
    public void close() throws OutputException {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new OutputException("cannot unlock " + file + ": " + AtomicFiles.describe(e));
        } finally {
            THIS_PROCESS.release();
        }
    }
}
