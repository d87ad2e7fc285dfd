package dev.distrogen;

import dev.distrogen.model.DirDecl;
import dev.distrogen.model.Located;
import dev.distrogen.model.Spec;
import dev.distrogen.model.User;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tests' own answer to "which directories does the app write to, with which owner and mode",
 * worked out from the spec as written with the kernel's rule, and not with the code under test: the
 * docs, k8s and image tests compare what the targets mount with this.
 */
public final class WritableReference {

    private WritableReference() {}

    /** The dirs the spec declares {@code persistent}. */
    public static java.util.Set<String> persistent(Spec spec) {
        java.util.Set<String> paths = new java.util.TreeSet<>();
        spec.dirs().stream()
                .filter(d -> d.persistent().isPresent())
                .forEach(d -> paths.add(d.path().value()));
        return paths;
    }

    /** Path -> the {@code size} the spec writes for it ("64Mi"), where it writes one. */
    public static Map<String, String> sizes(Spec spec) {
        Map<String, String> sizes = new TreeMap<>();
        spec.dirs()
                .forEach(
                        d ->
                                d.size()
                                        .ifPresent(
                                                s ->
                                                        sizes.putIfAbsent(
                                                                d.path().value(), s.value())));
        return sizes;
    }

    /**
     * Path -> "uid=U,gid=G,mode=0MMM" of each directory the app's user may write to, and
     * ",size=64m" where the spec gives a size ("64Mi": a tmpfs reads binary units as k, m, g, t).
     */
    public static Map<String, String> tmpfsOptions(Spec spec) {
        User user = spec.user().orElseThrow();
        long uid = Long.parseLong(user.uid().orElseThrow().value());
        long gid = Long.parseLong(user.gid().orElseThrow().value());
        Map<String, long[]> dirs = new TreeMap<>(); // path -> {ownerUid, ownerGid, mode}
        for (DirDecl dir : spec.dirs()) {
            boolean mine =
                    dir.owner().map(Located::value).filter(user.name().value()::equals).isPresent();
            long mode =
                    dir.mode()
                            .map(m -> Long.parseLong(m.value(), 8))
                            .orElse(dir.path().value().equals("/tmp") ? 01777L : 0755L);
            dirs.put(dir.path().value(), new long[] {mine ? uid : 0, mine ? gid : 0, mode});
        }
        dirs.putIfAbsent("/tmp", new long[] {0, 0, 01777});
        user.home()
                .map(Located::value)
                .filter(h -> !h.equals("/nonexistent"))
                .ifPresent(home -> dirs.putIfAbsent(home, new long[] {uid, gid, 0750}));
        Map<String, String> sizes = sizes(spec);
        Map<String, String> writable = new TreeMap<>();
        dirs.forEach(
                (path, d) -> {
                    long permissions = uid == d[0] ? d[2] >> 6 : gid == d[1] ? d[2] >> 3 : d[2];
                    if (uid == 0 || (permissions & 3) == 3) {
                        String size =
                                sizes.containsKey(path)
                                        ? ",size="
                                                + sizes.get(path)
                                                        .replace("i", "")
                                                        .toLowerCase(java.util.Locale.ROOT)
                                        : "";
                        writable.put(
                                path,
                                String.format(
                                                java.util.Locale.ROOT,
                                                "uid=%d,gid=%d,mode=%04o",
                                                d[0],
                                                d[1],
                                                d[2])
                                        + size);
                    }
                });
        return writable;
    }
}
