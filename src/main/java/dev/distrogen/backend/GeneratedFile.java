package dev.distrogen.backend;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A file a backend produced: a relative path with "/" separators, and either its bytes or the
 * user's file it is a copy of. A copy is read only as a stream when it is written ({@link #open}),
 * so its size does not matter.
 */
public final class GeneratedFile {

    private final String path;
    private final byte[] content;
    private final Path source;

    private GeneratedFile(String path, byte[] content, Path source) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()
                || path.startsWith("/")
                || Arrays.asList(path.split("/")).contains("..")) {
            throw new IllegalArgumentException("not a relative path: " + path);
        }
        this.path = path;
        this.content = content;
        this.source = source;
    }

    public GeneratedFile(String path, byte[] content) {
        this(path, content.clone(), null);
    }

    public static GeneratedFile text(String path, String text) {
        return new GeneratedFile(path, text.getBytes(StandardCharsets.UTF_8), null);
    }

    /** A copy of {@code source} at {@code path}. */
    public static GeneratedFile copy(String path, Path source) {
        return new GeneratedFile(path, null, Objects.requireNonNull(source, "source"));
    }

    public String path() {
        return path;
    }

    /** The user's file this one is a copy of; empty for a file distrogen generated. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /** Its content as a stream: a copy is read from its source. */
    public InputStream open() throws IOException {
        return source == null ? new ByteArrayInputStream(content) : Files.newInputStream(source);
    }

    /** Its whole content in memory; for a generated file, or a copy known to be small (tests). */
    public byte[] content() {
        if (source == null) {
            return content.clone();
        }
        try {
            return Files.readAllBytes(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text() {
        return new String(content(), StandardCharsets.UTF_8);
    }

    /** The same path, and the same bytes or a copy of the same source (neither is read for it). */
    @Override
    public boolean equals(Object other) {
        return other instanceof GeneratedFile f
                && f.path.equals(path)
                && Objects.equals(f.source, source)
                && Arrays.equals(f.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, source) * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "GeneratedFile["
                + path
                + ", "
                + (source == null ? content.length + " bytes]" : "copy of " + source + "]");
    }
}
