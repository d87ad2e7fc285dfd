package dev.distrogen.model;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code user "NAME" uid N gid N [group "NAME"] [home "PATH"] [shell "PATH"]}: the one non-root
 * account the app runs as. Numbers are kept as the digits written, so that an out-of-range value
 * can be reported rather than overflow.
 */
public record User(
        Located<String> name,
        Optional<Located<String>> uid,
        Optional<Located<String>> gid,
        Optional<Located<String>> group,
        Optional<Located<String>> home,
        Optional<Located<String>> shell,
        SourceLocation at) {

    public static final String DEFAULT_HOME = "/nonexistent";
    public static final String DEFAULT_SHELL = "/sbin/nologin";

    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(gid, "gid");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(shell, "shell");
        Objects.requireNonNull(at, "at");
    }

    /** The group's name: as declared, else the user's own name. */
    public String groupName() {
        return group.map(Located::value).orElse(name.value());
    }

    public String homeDir() {
        return home.map(Located::value).orElse(DEFAULT_HOME);
    }

    public String loginShell() {
        return shell.map(Located::value).orElse(DEFAULT_SHELL);
    }
}
