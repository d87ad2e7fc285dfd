package dev.distrogen.lock;

import java.util.Map;
import java.util.TreeMap;

/**
 * An image's /etc/os-release (or /usr/lib/os-release): {@code KEY=value} lines, values optionally
 * quoted, as systemd's os-release(5) describes.
 */
public record OsRelease(Map<String, String> fields) {

    public static OsRelease parse(String text) {
        Map<String, String> fields = new TreeMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (line.startsWith("#") || equals <= 0) {
                continue;
            }
            String value = line.substring(equals + 1).strip();
            if (value.length() >= 2
                    && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
            }
            fields.put(line.substring(0, equals).strip(), value);
        }
        return new OsRelease(fields);
    }

    /** "debian", "ubuntu", "alpine"...; "linux" when unset, as os-release(5) says. */
    public String id() {
        return fields.getOrDefault("ID", "linux");
    }

    /** "Debian GNU/Linux 12 (bookworm)", else the ID. */
    public String prettyName() {
        return fields.getOrDefault("PRETTY_NAME", id());
    }
}
