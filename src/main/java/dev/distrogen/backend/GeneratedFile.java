package dev.distrogen.backend;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** A file a backend produced: a relative path with "/" separators, and its bytes. */
public record GeneratedFile(String path, byte[] content) {

    public GeneratedFile {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.startsWith("/") || Arrays.asList(path.split("/")).contains("..")) {
            throw new IllegalArgumentException("not a relative path: " + path);
        }
        content = content.clone();
    }

    public static GeneratedFile text(String path, String text) {
        return new GeneratedFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GeneratedFile f && f.path.equals(path) && Arrays.equals(f.content, content);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "GeneratedFile[" + path + ", " + content.length + " bytes]";
    }
}
