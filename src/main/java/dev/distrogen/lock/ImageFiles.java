package dev.distrogen.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.image.json.BuildableManifestTemplate;
import com.google.cloud.tools.jib.image.json.ManifestListTemplate;
import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import com.google.cloud.tools.jib.registry.RegistryClient;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The few files of an image that say where its package manager installs from (os-release, apt's and
 * apk's sources), read from the image's layers in its registry, the layers applied in order with
 * their whiteouts as a container runtime applies them; and the image's architecture. For a
 * multi-arch image, the image of {@code platform}'s architecture.
 *
 * @param files each wanted path (without the leading /) to its content, or to its link target for a
 *     symbolic link
 * @param architecture the image config's architecture (amd64, arm64...) and variant (v7...), as
 *     "arm64" or "arm/v7"
 */
public record ImageFiles(Map<String, Content> files, String architecture) {

    /** A file's bytes, or a symbolic link's target. */
    public record Content(byte[] bytes, Optional<String> link) {}

    /** The files a package lock needs. */
    public static final Predicate<String> PACKAGE_SOURCES =
            path ->
                    path.equals("etc/os-release")
                            || path.equals("usr/lib/os-release")
                            || path.equals("etc/apt/sources.list")
                            || (path.startsWith("etc/apt/sources.list.d/")
                                    && (path.endsWith(".list") || path.endsWith(".sources")))
                            || path.equals("etc/apk/repositories")
                            || path.equals("etc/apk/arch");

    /** No file this small tool reads is bigger; a bigger one is not read whole. */
    private static final int MAX_FILE = 1 << 20;

    /**
     * Reads the files {@code wanted} of {@code reference} (a tag or a digest) for {@code
     * architecture} when it is multi-arch.
     */
    public static ImageFiles read(
            RegistryDigests registries,
            String reference,
            String architecture,
            Predicate<String> wanted)
            throws LockException {
        return registries.ask(
                reference,
                (client, image) -> {
                    ManifestTemplate manifest =
                            client.pullManifest(image.getQualifier()).getManifest();
                    if (manifest instanceof ManifestListTemplate list) {
                        List<String> digests = list.getDigestsForPlatform(architecture, "linux");
                        if (digests.isEmpty()) {
                            throw new RegistryException(
                                    "the image has no linux/"
                                            + architecture
                                            + " image in its index");
                        }
                        manifest = client.pullManifest(digests.get(0)).getManifest();
                    }
                    if (!(manifest instanceof BuildableManifestTemplate buildable)) {
                        throw new RegistryException(
                                "its manifest is of a kind distrogen cannot read (schema 1?)");
                    }
                    return read(client, buildable, wanted);
                });
    }

    private static ImageFiles read(
            RegistryClient client, BuildableManifestTemplate manifest, Predicate<String> wanted)
            throws IOException {
        ByteArrayOutputStream config = new ByteArrayOutputStream();
        blob(client, manifest.getContainerConfiguration().getDigest(), config);
        JsonNode json = new ObjectMapper().readTree(config.toByteArray());
        String architecture =
                json.path("architecture").asText("")
                        + (json.path("variant").asText("").isEmpty()
                                ? ""
                                : "/" + json.path("variant").asText());
        Map<String, Content> files = new TreeMap<>();
        Path layer = Files.createTempFile("distrogen-layer", ".tar");
        try {
            for (BuildableManifestTemplate.ContentDescriptorTemplate descriptor :
                    manifest.getLayers()) {
                try (OutputStream out = Files.newOutputStream(layer)) {
                    blob(client, descriptor.getDigest(), out);
                }
                try (InputStream in = uncompressed(layer)) {
                    apply(new TarArchiveInputStream(in), wanted, files);
                }
            }
        } finally {
            Files.deleteIfExists(layer);
        }
        return new ImageFiles(files, architecture);
    }

    private static void blob(RegistryClient client, DescriptorDigest digest, OutputStream out)
            throws IOException {
        client.pullBlob(digest, size -> {}, written -> {}).writeTo(out);
    }

    /** A layer is a tar, gzip-compressed or not (zstd layers are refused by name). */
    private static InputStream uncompressed(Path layer) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(layer));
        in.mark(4);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == 0x1f && second == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        if (first == 0x28 && second == 0xb5) {
            in.close();
            throw new IOException("a layer is zstd-compressed, which distrogen cannot read yet");
        }
        return in;
    }

    /** One layer over the files so far: its whiteouts remove, its wanted files replace. */
    static void apply(
            TarArchiveInputStream tar, Predicate<String> wanted, Map<String, Content> files)
            throws IOException {
        for (TarArchiveEntry entry = tar.getNextEntry();
                entry != null;
                entry = tar.getNextEntry()) {
            String path = normal(entry.getName());
            String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
            String base = path.substring(dir.length());
            if (base.equals(".wh..wh..opq")) {
                files.keySet().removeIf(p -> p.startsWith(dir));
            } else if (base.startsWith(".wh.")) {
                String removed = dir + base.substring(".wh.".length());
                files.keySet().removeIf(p -> p.equals(removed) || p.startsWith(removed + "/"));
            } else if (wanted.test(path)) {
                if (entry.isSymbolicLink()) {
                    files.put(path, new Content(new byte[0], Optional.of(entry.getLinkName())));
                } else if (entry.isFile() && entry.getSize() <= MAX_FILE) {
                    files.put(path, new Content(tar.readAllBytes(), Optional.empty()));
                } else {
                    files.remove(path);
                }
            }
        }
    }

    private static String normal(String name) {
        String path = name;
        while (path.startsWith("./") || path.startsWith("/")) {
            path = path.substring(path.startsWith("/") ? 1 : 2);
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The text of {@code path}, following symbolic links within the files read. */
    public Optional<String> text(String path) {
        String current = path;
        for (int hops = 0; hops < 8; hops++) {
            Content content = files.get(current);
            if (content == null) {
                return Optional.empty();
            }
            if (content.link().isEmpty()) {
                return Optional.of(new String(content.bytes(), StandardCharsets.UTF_8));
            }
            String target = content.link().get();
            current =
                    target.startsWith("/")
                            ? normal(target)
                            : Path.of("/" + current)
                                    .resolveSibling(target)
                                    .normalize()
                                    .toString()
                                    .substring(1);
        }
        return Optional.empty();
    }

    /** The wanted paths under {@code dir} (with its trailing /), sorted. */
    public List<String> under(String dir) {
        return files.keySet().stream().filter(p -> p.startsWith(dir)).sorted().toList();
    }

    /** The registry's name of the architecture this JVM runs on: what a build here pulls. */
    public static String hostArchitecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            default -> arch;
        };
    }
}
