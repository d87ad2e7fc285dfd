package dev.distrogen.plan;

import java.util.Objects;

/** The app's account, resolved: names, numeric ids, home and shell. */
public record Account(String name, long uid, String group, long gid, String home, String shell) {

    public static final Account ROOT = new Account("root", 0, "root", 0, "/root", "/sbin/nologin");

    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(shell, "shell");
    }

    /** "10001:10001": images name their user by number (Kubernetes' runAsNonRoot needs it). */
    public String numericUser() {
        return uid + ":" + gid;
    }

    public String passwdLine() {
        String gecos = name.equals("root") ? "root" : "";
        return name + ":x:" + uid + ":" + gid + ":" + gecos + ":" + home + ":" + shell;
    }

    public String groupLine() {
        return group + ":x:" + gid + ":";
    }
}
