package dev.distrogen.lock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A small OCI image layout on disk for skopeo to push: one image per architecture, each one layer
 * of a few bytes, and for several architectures an index over them. Digests are computed here, so a
 * test knows what the registry must give back.
 */
final class OciLayout {

    private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String INDEX = "application/vnd.oci.image.index.v1+json";

    private final Path dir;

    OciLayout(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir.resolve("blobs/sha256")).getParent().getParent();
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    }

    Path dir() {
        return dir;
    }

    /**
     * An image for {@code architecture} whose only file says {@code content}, tagged {@code tag};
     * its manifest's digest.
     */
    String image(String tag, String architecture, String content) throws IOException {
        return tag(tag, MANIFEST, manifest(architecture, content));
    }

    /**
     * An image for {@code architecture} whose one layer is the tar {@code layer} (gzipped here),
     * tagged {@code tag}; its manifest's digest.
     */
    String imageOfTar(String tag, String architecture, byte[] layer) throws IOException {
        return tag(tag, MANIFEST, manifest(architecture, layer, gzip(layer)));
    }

    /** An index over one image per architecture, tagged {@code tag}; the index's own digest. */
    String index(String tag, List<String> architectures, String content) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String architecture : architectures) {
            Blob manifest = manifest(architecture, content + " for " + architecture);
            entries.add(
                    descriptor(MANIFEST, manifest)
                            + ",\"platform\":{\"architecture\":\""
                            + architecture
                            + "\",\"os\":\"linux\"}}");
        }
        Blob index =
                blob(
                        "{\"schemaVersion\":2,\"mediaType\":\""
                                + INDEX
                                + "\",\"manifests\":["
                                + String.join(",", entries)
                                + "]}");
        return tag(tag, INDEX, index);
    }

    private Blob manifest(String architecture, String content) throws IOException {
        byte[] file = content.getBytes(StandardCharsets.UTF_8);
        return manifest(architecture, file, gzip(file));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(bytes);
        }
        return gzipped.toByteArray();
    }

    private Blob manifest(String architecture, byte[] file, byte[] gzipped) throws IOException {
        Blob layer = blob(gzipped);
        Blob config =
                blob(
                        "{\"architecture\":\""
                                + architecture
                                + "\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                                + sha256(file)
                                + "\"]}}");
        return blob(
                "{\"schemaVersion\":2,\"mediaType\":\""
                        + MANIFEST
                        + "\","
                        + "\"config\":"
                        + descriptor("application/vnd.oci.image.config.v1+json", config)
                        + "},"
                        + "\"layers\":["
                        + descriptor("application/vnd.oci.image.layer.v1.tar+gzip", layer)
                        + "}]}");
    }

    private String tag(String tag, String mediaType, Blob blob) throws IOException {
        Files.writeString(
                dir.resolve("index.json"),
                "{\"schemaVersion\":2,\"manifests\":["
                        + descriptor(mediaType, blob)
                        + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\""
                        + tag
                        + "\"}}]}");
        return blob.digest;
    }

    /** A descriptor without its closing brace, so a platform or annotations can follow. */
    private static String descriptor(String mediaType, Blob blob) {
        return "{\"mediaType\":\""
                + mediaType
                + "\",\"digest\":\""
                + blob.digest
                + "\",\"size\":"
                + blob.size;
    }

    private record Blob(String digest, int size) {}

    private Blob blob(String json) throws IOException {
        return blob(json.getBytes(StandardCharsets.UTF_8));
    }

    private Blob blob(byte[] bytes) throws IOException {
        String digest = sha256(bytes);
        Files.write(dir.resolve("blobs/sha256/" + digest.substring("sha256:".length())), bytes);
        return new Blob(digest, bytes.length);
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
