package dev.distrogen.integration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An image's entrypoint running under rootrun; closing it kills every process it started. */
final class RunningApp implements AutoCloseable {

    private final Process process;
    private final Path log;

    RunningApp(List<String> command) throws IOException {
        this.log = Files.createTempFile("distrogen-app", ".log");
        this.process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
    }

    /**
     * Waits until something accepts connections on 127.0.0.1:port; fails with the app's output if
     * it dies.
     */
    void awaitPort(int port, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "the app exited with "
                                + process.exitValue()
                                + " before listening on "
                                + port
                                + ":\n"
                                + output());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError(
                "nothing listens on 127.0.0.1:" + port + " after " + limit + ":\n" + output());
    }

    /** Waits for the app to exit by itself; returns its exit code. */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the app still runs after " + limit);
        }
        return process.exitValue();
    }

    /**
     * Sends SIGTERM to the process the image started, PID 1 of its namespace, as a runtime's stop
     * does.
     */
    void terminatePid1() {
        process.toHandle()
                .children()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no process runs under rootrun"))
                .destroy();
    }

    /** The mount table as the app sees it (/proc/PID/mountinfo of PID 1 of its namespace). */
    String mountInfo() throws IOException {
        long pid =
                process.toHandle()
                        .children()
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no process runs under rootrun"))
                        .pid();
        return Files.readString(Path.of("/proc/" + pid + "/mountinfo"), StandardCharsets.UTF_8);
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        Files.deleteIfExists(log);
    }

    /** Fails when something already listens on the port: the test would talk to it instead. */
    static void assertPortFree(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            throw new AssertionError(
                    "127.0.0.1:" + port + " is already in use; stop what listens there");
        } catch (IOException free) {
            // Nothing listens: as it should be.
        }
    }
}
