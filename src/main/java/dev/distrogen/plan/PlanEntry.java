package dev.distrogen.plan;

import dev.distrogen.model.ContainerPath;
import dev.distrogen.model.FileMode;
import java.util.Objects;
import java.util.Optional;

/**
 * One path of the final image that distrogen itself lays out (the app and its libraries come from
 * the build stage or the Nix store and are listed in {@link AppPayload}).
 */
public record PlanEntry(
        ContainerPath path,
        Kind kind,
        String owner,
        long uid,
        String group,
        long gid,
        FileMode mode,
        Optional<FileContent> content,
        Origin origin) {

    public enum Kind {
        DIRECTORY,
        FILE
    }

    /** Why the path is there. */
    public enum Origin {
        /** A parent of something declared, root-owned 0755. */
        PARENT,
        /** A {@code dir} of the spec (or /tmp, always present). */
        DIR,
        /** A {@code config} of the spec. */
        CONFIG,
        /** /etc/passwd, /etc/group, /etc/nsswitch.conf, made from {@code user}. */
        ACCOUNTS
    }

    public PlanEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(origin, "origin");
        if ((kind == Kind.FILE) != content.isPresent()) {
            throw new IllegalArgumentException(
                    "a file has content and a directory has none: " + path);
        }
    }

    public boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }

    /** "10001:10001". */
    public String numericOwner() {
        return uid + ":" + gid;
    }
}
