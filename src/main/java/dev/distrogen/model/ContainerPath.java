package dev.distrogen.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An absolute, normalised path inside the image ("/etc/nginx/nginx.conf"): it starts with "/",
 * has no empty, "." or ".." segments, no trailing "/", no control characters, and no quotes or
 * backslashes (Dockerfile builders do not agree on escaping those in COPY: buildah keeps a
 * backslash before a double quote that BuildKit removes). Compare google/jib's AbsoluteUnixPath.
 */
public record ContainerPath(String value) implements Comparable<ContainerPath> {

    public static final ContainerPath ROOT = new ContainerPath("/");

    public ContainerPath {
        problem(value).ifPresent(p -> {
            throw new IllegalArgumentException(p + ": " + value);
        });
    }

    public static ContainerPath of(String value) {
        return new ContainerPath(value);
    }

    /** What is wrong with {@code raw} as a container path, in user terms, or empty if nothing. */
    public static Optional<String> problem(String raw) {
        if (raw.isEmpty()) {
            return Optional.of("the path is empty");
        }
        if (!raw.startsWith("/")) {
            return Optional.of("the path is relative");
        }
        if (raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("the path holds a control character");
        }
        for (String special : new String[] {"\"", "'", "\\"}) {
            if (raw.contains(special)) {
                return Optional.of("the path holds `" + special + "`, which Dockerfile builders do not escape alike");
            }
        }
        if (raw.equals("/")) {
            return Optional.empty();
        }
        for (String segment : raw.substring(1).split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.of("the path holds a `" + segment + "` segment");
            }
            if (segment.isEmpty()) {
                return Optional.of(raw.endsWith("/") ? "the path ends with `/`" : "the path holds an empty segment (`//`)");
            }
        }
        return Optional.empty();
    }

    public boolean isRoot() {
        return value.equals("/");
    }

    /** The parent directory; the root's parent is the root. */
    public ContainerPath parent() {
        int slash = value.lastIndexOf('/');
        return slash <= 0 ? ROOT : new ContainerPath(value.substring(0, slash));
    }

    /** Every ancestor from the root's child down to the parent: /etc, /etc/nginx for /etc/nginx/x. */
    public List<ContainerPath> ancestors() {
        List<ContainerPath> result = new ArrayList<>();
        for (ContainerPath p = parent(); !p.isRoot(); p = p.parent()) {
            result.add(0, p);
        }
        return result;
    }

    public String fileName() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    public boolean isUnder(ContainerPath ancestor) {
        return ancestor.isRoot() ? !isRoot() : value.startsWith(ancestor.value + "/");
    }

    /** Directories sort before their contents, siblings by name (as tree does). */
    @Override
    public int compareTo(ContainerPath other) {
        return value.replace('/', '\0').compareTo(other.value.replace('/', '\0'));
    }

    // equals and hashCode written out: the record's own are linked through method handles on first
    // use, a few milliseconds of every run's start-up for the most compared type (ARCHITECTURE.md: "Start-up").
    @Override
    public boolean equals(Object other) {
        return other instanceof ContainerPath path && value.equals(path.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
