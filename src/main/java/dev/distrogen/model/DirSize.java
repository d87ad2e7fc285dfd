package dev.distrogen.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The most a dir's volume holds, in binary units: "512Mi", "5Gi". Kubernetes takes it as written;
 * Docker's and the kernel's tmpfs take it as "512m", "5g" (their k, m, g are binary too).
 */
public record DirSize(long amount, char unit) {

    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,5})([KMGT])i");

    public static Optional<DirSize> parse(String text) {
        java.util.regex.Matcher m = FORM.matcher(text);
        return m.matches()
                ? Optional.of(new DirSize(Long.parseLong(m.group(1)), m.group(2).charAt(0)))
                : Optional.empty();
    }

    /** As Kubernetes writes quantities: "5Gi". */
    public String kubernetes() {
        return amount + String.valueOf(unit) + "i";
    }

    /** As a tmpfs mount option takes it (Docker, Compose, the kernel): "5g". */
    public String tmpfs() {
        return amount + String.valueOf(Character.toLowerCase(unit));
    }
}
