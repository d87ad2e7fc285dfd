package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.ConfigDecl;
import dev.distrogen.model.ContainerPath;
import dev.distrogen.model.DirDecl;
import dev.distrogen.model.Located;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every path inside the image is absolute and normal. DG020: relative; DG021: a "." or ".."
 * segment (it would make two spellings of one path, or climb out of a copy); DG022: otherwise
 * malformed, or the root itself.
 */
public final class ContainerPathCheck implements Check {


    /** What BuildKit and buildah trim from the end of a WORKDIR line (Go's unicode.IsSpace). */
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \u0085\u00a0]$");

    private record Named(String what, Located<String> path) {
    }

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        for (Named named : containerPaths(spec)) {
            String raw = named.path().value();
            ContainerPath.problem(raw).ifPresentOrElse(
                    problem -> found.add(diagnose(named, problem)),
                    () -> {
                        if (raw.equals("/") && !named.what().startsWith("workdir") && !named.what().startsWith("home")) {
                            found.add(Diagnostic.error(Code.MALFORMED_PATH, named.path().at(),
                                    named.what() + " cannot be the root directory `/`"));
                        }
                        if (named.what().equals("workdir") && TRAILING_SPACE.matcher(raw).find()) {
                            found.add(Diagnostic.error(Code.MALFORMED_PATH, named.path().at(), "workdir \"" + raw
                                    + "\" ends with a space, which a Dockerfile's WORKDIR drops (the Nix image would keep it)")
                                    .withHint("name a directory without trailing spaces"));
                        }
                    });
        }
        return found;
    }

    private static Diagnostic diagnose(Named named, String problem) {
        String raw = named.path().value();
        String message = named.what() + " \"" + raw + "\" is not a valid path in the image: " + problem;
        if (problem.contains("relative")) {
            return Diagnostic.error(Code.RELATIVE_PATH, named.path().at(), message).withHint("paths in the image are absolute: \"/"
                    + raw.replaceFirst("^\\./", "") + "\"");
        }
        if (problem.contains("`.")) {
            return Diagnostic.error(Code.DOT_SEGMENT, named.path().at(), message)
                    .withHint("write the path without `.` and `..` segments");
        }
        return Diagnostic.error(Code.MALFORMED_PATH, named.path().at(), message);
    }

    private static List<Named> containerPaths(Spec spec) {
        List<Named> paths = new ArrayList<>();
        for (DirDecl dir : spec.dirs()) {
            paths.add(new Named("dir", dir.path()));
        }
        for (ConfigDecl config : spec.configs()) {
            paths.add(new Named("config", config.path()));
        }
        spec.app().ifPresent(app -> {
            app.binary().ifPresent(b -> paths.add(new Named("binary", b)));
            app.libs().forEach(l -> paths.add(new Named("libs path", l)));
            app.files().forEach(f -> paths.add(new Named("files path", f)));
            app.workdir().ifPresent(w -> paths.add(new Named("workdir", w)));
            app.init().ifPresent(i -> paths.add(new Named("init", i)));
        });
        spec.user().ifPresent(user -> {
            user.home().ifPresent(h -> paths.add(new Named("home", h)));
            user.shell().ifPresent(s -> paths.add(new Named("shell", s)));
        });
        return paths;
    }
}
