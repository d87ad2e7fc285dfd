package dev.distrogen.lock;

import dev.distrogen.Golden;
import dev.distrogen.Tools;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CNCF distribution registry (Debian's docker-registry) on 127.0.0.1 at a free port, storing
 * into a temporary folder, optionally with htpasswd auth ({@value #USER} / {@value #PASSWORD});
 * images reach it with skopeo.
 */
public final class LocalRegistry implements AutoCloseable {

    static final String USER = "tester";
    static final String PASSWORD = "distrogen-test-password";
    private static final String BINARY = "/usr/bin/docker-registry";

    private final Process process;
    private final Path log;
    public final String host;
    private final boolean auth;

    public static void requireTools() {
        Tools.require(
                Files.isExecutable(Path.of(BINARY)),
                BINARY
                        + " is not installed: the lock tests run a registry "
                        + "(apt-get install docker-registry, as .ci/run does)");
        Tools.requireOnPath("the lock tests push images to the registry with it", "skopeo");
    }

    public LocalRegistry(Path dir, boolean auth) throws IOException, InterruptedException {
        this.auth = auth;
        int port;
        try (ServerSocket socket =
                new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        host = "127.0.0.1:" + port;
        Path config = dir.resolve("config.yml");
        String authConfig =
                auth
                        ? "auth:\n  htpasswd:\n    realm: distrogen-test\n    path: "
                                + Golden.root().resolve("src/test/resources/registry/htpasswd")
                                + "\n"
                        : "";
        Files.writeString(
                config,
                "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: "
                        + Files.createDirectories(dir.resolve("data"))
                        + "\nhttp:\n  addr: "
                        + host
                        + "\n"
                        + authConfig);
        log = dir.resolve("registry.log");
        process =
                new ProcessBuilder(BINARY, "serve", config.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        awaitReady();
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection connection =
                        (HttpURLConnection)
                                URI.create("http://" + host + "/v2/").toURL().openConnection();
                connection.setConnectTimeout(1000);
                int status = connection.getResponseCode();
                if (status == 200 || status == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        close();
        throw new AssertionError("the registry did not start: " + Files.readString(log));
    }

    /** skopeo copy --all of the layout's tag to REPOSITORY:TAG in this registry. */
    void push(OciLayout layout, String tag, String repository)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                "skopeo",
                                "--insecure-policy",
                                "copy",
                                "--all",
                                "--dest-tls-verify=false"));
        if (auth) {
            command.add("--dest-creds=" + USER + ":" + PASSWORD);
        }
        command.addAll(
                List.of(
                        "oci:" + layout.dir() + ":" + tag,
                        "docker://" + host + "/" + repository + ":" + tag));
        Process skopeo = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(skopeo.getInputStream().readAllBytes());
        if (!skopeo.waitFor(2, TimeUnit.MINUTES) || skopeo.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
    }

    /**
     * buildah push of an image in the local (vfs) containers storage to REPOSITORY:TAG here; its
     * reference in this registry.
     */
    public String pushStored(String image, String repository, String tag)
            throws IOException, InterruptedException {
        String reference = host + "/" + repository + ":" + tag;
        List<String> command =
                List.of(
                        "buildah",
                        "--storage-driver=vfs",
                        "push",
                        "--tls-verify=false",
                        image,
                        "docker://" + reference);
        Process buildah = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(buildah.getInputStream().readAllBytes());
        if (!buildah.waitFor(5, TimeUnit.MINUTES) || buildah.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
        return reference;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
