package dev.distrogen.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Linux signal names as Docker's STOPSIGNAL and the OCI StopSignal take them. */
public final class StopSignal {

    public static final List<String> NAMES =
            List.of(
                    "SIGABRT",
                    "SIGALRM",
                    "SIGBUS",
                    "SIGCHLD",
                    "SIGCONT",
                    "SIGFPE",
                    "SIGHUP",
                    "SIGILL",
                    "SIGINT",
                    "SIGIO",
                    "SIGIOT",
                    "SIGKILL",
                    "SIGPIPE",
                    "SIGPOLL",
                    "SIGPROF",
                    "SIGPWR",
                    "SIGQUIT",
                    "SIGSEGV",
                    "SIGSTKFLT",
                    "SIGSTOP",
                    "SIGSYS",
                    "SIGTERM",
                    "SIGTRAP",
                    "SIGTSTP",
                    "SIGTTIN",
                    "SIGTTOU",
                    "SIGURG",
                    "SIGUSR1",
                    "SIGUSR2",
                    "SIGVTALRM",
                    "SIGWINCH",
                    "SIGXCPU",
                    "SIGXFSZ");
    public static final String DEFAULT = "SIGTERM";
    private static final Pattern REALTIME = Pattern.compile("SIGRTM(IN|AX)([+-]([0-9]{1,2}))?");

    private StopSignal() {}

    /**
     * The canonical spelling ("quit", "SIGQUIT" -> "SIGQUIT"; "3" stays "3"), or empty when the
     * text names no signal.
     */
    public static Optional<String> canonical(String written) {
        if (written.matches("[0-9]{1,2}")) {
            int n = Integer.parseInt(written);
            return n >= 1 && n <= 64 ? Optional.of(Integer.toString(n)) : Optional.empty();
        }
        String upper = written.toUpperCase(Locale.ROOT);
        String name = upper.startsWith("SIG") ? upper : "SIG" + upper;
        if (NAMES.contains(name)) {
            return Optional.of(name);
        }
        Matcher rt = REALTIME.matcher(name);
        if (rt.matches() && (rt.group(3) == null || Integer.parseInt(rt.group(3)) <= 30)) {
            return Optional.of(name);
        }
        return Optional.empty();
    }
}
