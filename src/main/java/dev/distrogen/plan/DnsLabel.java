package dev.distrogen.plan;

import java.util.Locale;

/**
 * DNS-1123 labels, which Kubernetes requires of object, container and volume names and which
 * `docker run --name` and `kubectl debug --target` then repeat: lower-case letters, digits and '-',
 * at most 63 characters, starting and ending alphanumeric.
 */
public final class DnsLabel {

    public static final int MAX = 63;

    private DnsLabel() {}

    /** The label closest to {@code s}; "app" when nothing of it is left. */
    public static String of(String s) {
        String label =
                s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        label = label.length() > MAX ? label.substring(0, MAX).replaceAll("-+$", "") : label;
        return label.isEmpty() ? "app" : label;
    }

    /**
     * {@code label}, or with "-2", "-3", ... (still within 63) when {@code taken} already holds it;
     * adds it.
     */
    public static String unique(String label, java.util.Set<String> taken) {
        String candidate = label;
        for (int i = 2; !taken.add(candidate); i++) {
            String suffix = "-" + i;
            String stem =
                    label.length() + suffix.length() > MAX
                            ? label.substring(0, MAX - suffix.length())
                            : label;
            candidate = stem.replaceAll("-+$", "") + suffix;
        }
        return candidate;
    }
}
