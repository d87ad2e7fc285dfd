package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.ConfigDecl;
import dev.distrogen.model.ContainerPath;
import dev.distrogen.model.DirDecl;
import dev.distrogen.model.Located;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DG012: two declarations of one path, or a path beneath a config file. DG013: a config at a path
 * distrogen writes itself from {@code user} (/etc/passwd, /etc/group, /etc/nsswitch.conf).
 */
public final class DuplicatePathCheck implements Check {

    public static final List<String> GENERATED =
            List.of("/etc/group", "/etc/nsswitch.conf", "/etc/passwd");

    private record Declared(String what, Located<String> path) {}

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        Map<String, Declared> seen = new TreeMap<>();
        Map<String, List<Declared>> files = new HashMap<>();
        for (Declared d : declared(spec)) {
            if (ContainerPath.problem(d.path().value()).isPresent()) {
                continue;
            }
            if (GENERATED.contains(d.path().value())) {
                found.add(
                        Diagnostic.error(
                                        Code.RESERVED_PATH,
                                        d.path().at(),
                                        "distrogen writes "
                                                + d.path().value()
                                                + " itself, from `user`")
                                .withHint(
                                        "remove this "
                                                + d.what()
                                                + "; declare the account with `user`"));
                continue;
            }
            Declared earlier = seen.putIfAbsent(d.path().value(), d);
            if (earlier != null) {
                found.add(
                        Diagnostic.error(
                                        Code.DUPLICATE_PATH,
                                        d.path().at(),
                                        "duplicate path \""
                                                + d.path().value()
                                                + "\": it is also a "
                                                + earlier.what()
                                                + " at line "
                                                + earlier.path().at().line())
                                .withHint("declare each path once"));
            }
            if (d.what().equals("config")) {
                files.computeIfAbsent(d.path().value(), p -> new ArrayList<>()).add(d);
            }
        }
        // Each path against its own ancestors, not against every config: linear in the paths.
        for (Declared d : seen.values()) {
            for (ContainerPath ancestor : ContainerPath.of(d.path().value()).ancestors()) {
                for (Declared file : files.getOrDefault(ancestor.value(), List.of())) {
                    found.add(
                            Diagnostic.error(
                                    Code.DUPLICATE_PATH,
                                    d.path().at(),
                                    "\""
                                            + d.path().value()
                                            + "\" lies beneath \""
                                            + file.path().value()
                                            + "\", which is a config file (line "
                                            + file.path().at().line()
                                            + ")"));
                }
            }
        }
        return found;
    }

    private static List<Declared> declared(Spec spec) {
        List<Declared> all = new ArrayList<>();
        for (DirDecl dir : spec.dirs()) {
            all.add(new Declared("dir", dir.path()));
        }
        for (ConfigDecl config : spec.configs()) {
            all.add(new Declared("config", config.path()));
        }
        return all;
    }
}
