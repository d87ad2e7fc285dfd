package dev.distrogen.lock;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Debian repository's Packages index (deb822 stanzas, one per package version), read line by
 * line, keeping only the versions of the packages asked for: Debian's main index is about 45 MB
 * uncompressed.
 */
public final class PackagesIndex {

    private PackagesIndex() {}

    /** Each asked-for name that the index holds, with every version it lists, in index order. */
    public static Map<String, List<String>> versions(BufferedReader index, Set<String> names)
            throws IOException {
        Map<String, List<String>> versions = new TreeMap<>();
        String name = null;
        String version = null;
        for (String line = index.readLine(); ; line = index.readLine()) {
            if (line == null || line.isBlank()) {
                if (name != null && version != null && names.contains(name)) {
                    versions.computeIfAbsent(name, n -> new ArrayList<>()).add(version);
                }
                name = null;
                version = null;
                if (line == null) {
                    return versions;
                }
            } else if (line.startsWith("Package:")) {
                name = line.substring("Package:".length()).strip();
            } else if (line.startsWith("Version:")) {
                version = line.substring("Version:".length()).strip();
            }
        }
    }
}
