package dev.distrogen.lock;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.distrogen.Tools;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * A Debian repository as apt reads it, made by apt-ftparchive over real .deb files (Packages,
 * Packages.gz and an unsigned Release per suite), served over HTTP on 127.0.0.1 by the JDK's own
 * server, which records every path asked for.
 */
public final class DebianRepository implements AutoCloseable {

    private final Path root;
    private final HttpServer server;

    /** Each path the server was asked for, in order. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public static void requireTools() {
        Tools.requireOnPath(
                "the package lock tests make a Debian repository with them (apt-utils, dpkg)",
                "apt-ftparchive",
                "dpkg-deb");
    }

    public DebianRepository(Path root) throws IOException {
        this.root = Files.createDirectories(root.resolve("pool")).getParent();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    /** http://127.0.0.1:PORT: the URI of a {@code deb} source. */
    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Puts a real .deb into the pool. */
    public void add(Path deb) throws IOException {
        Files.copy(
                deb,
                root.resolve("pool").resolve(deb.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Makes a small architecture-independent package with dpkg-deb and puts it into the pool. */
    public void addMade(String name, String version) throws IOException, InterruptedException {
        Path build = Files.createTempDirectory(root.getParent(), "deb");
        Files.createDirectories(build.resolve("DEBIAN"));
        Files.writeString(
                build.resolve("DEBIAN/control"),
                "Package: "
                        + name
                        + "\nVersion: "
                        + version
                        + "\nArchitecture: all\nMaintainer: distrogen tests <tests@distrogen.invalid>\n"
                        + "Description: a package made by the lock tests\n");
        Path doc = Files.createDirectories(build.resolve("usr/share/doc/" + name));
        Files.writeString(doc.resolve("version"), version + "\n");
        run(
                root,
                "dpkg-deb",
                "--root-owner-group",
                "--build",
                build.toString(),
                root.resolve("pool/" + name + "_" + version.replace(':', '%') + "_all.deb")
                        .toString());
    }

    /**
     * Writes {@code dists/SUITE/main/binary-ARCH/Packages(.gz)} of everything in the pool and the
     * suite's Release, as a repository's maintainer runs apt-ftparchive.
     */
    public void publish(String suite, String architecture)
            throws IOException, InterruptedException {
        Path binary =
                Files.createDirectories(
                        root.resolve("dists/" + suite + "/main/binary-" + architecture));
        String packages = run(root, "apt-ftparchive", "packages", "pool");
        Files.writeString(binary.resolve("Packages"), packages);
        try (OutputStream gzip =
                new GZIPOutputStream(Files.newOutputStream(binary.resolve("Packages.gz")))) {
            gzip.write(packages.getBytes(StandardCharsets.UTF_8));
        }
        String release =
                run(
                        root,
                        "apt-ftparchive",
                        "-o",
                        "APT::FTPArchive::Release::Suite=" + suite,
                        "-o",
                        "APT::FTPArchive::Release::Codename=" + suite,
                        "-o",
                        "APT::FTPArchive::Release::Components=main",
                        "-o",
                        "APT::FTPArchive::Release::Architectures=" + architecture,
                        "release",
                        "dists/" + suite);
        Files.writeString(root.resolve("dists/" + suite + "/Release"), release);
    }

    /** Debian's name of this machine's architecture, whose index the lock reads. */
    public static String architecture() {
        return PackageVersions.debianArchitecture(ImageFiles.hostArchitecture());
    }

    /**
     * A real Debian package of this machine's architecture: from the cache .ci/install-tools fills
     * (apt-get download), else apt's own archive cache.
     */
    public static Path realDeb(String name) throws IOException {
        for (Path dir :
                List.of(
                        Path.of("/var/cache/distrogen-test/debs"),
                        Path.of("/var/cache/apt/archives"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> debs = Files.list(dir)) {
                    var found =
                            debs.filter(
                                            p ->
                                                    p.getFileName()
                                                                    .toString()
                                                                    .startsWith(name + "_")
                                                            && p.toString()
                                                                    .endsWith(
                                                                            "_"
                                                                                    + architecture()
                                                                                    + ".deb"))
                                    .sorted()
                                    .findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
        }
        Tools.require(false, "no " + name + " .deb to serve: .ci/install-tools downloads one");
        throw new IllegalStateException("unreachable");
    }

    public static String debField(Path deb, String field) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("dpkg-deb", "-f", deb.toString(), field).start();
        String value = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor(1, TimeUnit.MINUTES);
        return value;
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        Path file = root.resolve(path.substring(1)).normalize();
        try (exchange) {
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private static String run(Path dir, String... command)
            throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(false)
                        .start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
