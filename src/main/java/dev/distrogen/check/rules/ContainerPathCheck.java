package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.model.ConfigDecl;
import dev.distrogen.model.ContainerPath;
import dev.distrogen.model.DirDecl;
import dev.distrogen.model.Located;
import dev.distrogen.model.Spec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every path inside the image is absolute and normal. DG020: relative; DG021: a "." or ".." segment
 * (it would make two spellings of one path, or climb out of a copy); DG022: otherwise malformed, or
 * the root itself; DG085: longer than a file system takes.
 */
public final class ContainerPathCheck implements Check {

    /** NAME_MAX of Linux's file systems (ext4, xfs, btrfs, overlayfs, tmpfs). */
    static final int MAX_SEGMENT_BYTES = 255;

    /**
     * PATH_MAX (4096 with its NUL) less the build stage's root "/distrogen/root", under which the
     * layout is made.
     */
    static final int MAX_PATH_BYTES = 4096 - 1 - "/distrogen/root".length();

    /** What BuildKit and buildah trim from the end of a WORKDIR line (Go's unicode.IsSpace). */
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \u0085\u00a0]$");

    private record Named(String what, Located<String> path) {}

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        for (Named named : containerPaths(spec)) {
            String raw = named.path().value();
            ContainerPath.problem(raw)
                    .ifPresentOrElse(
                            problem -> found.add(diagnose(named, problem)),
                            () -> {
                                if (raw.equals("/")
                                        && !named.what().startsWith("workdir")
                                        && !named.what().startsWith("home")) {
                                    found.add(
                                            Diagnostic.error(
                                                    Code.MALFORMED_PATH,
                                                    named.path().at(),
                                                    named.what()
                                                            + " cannot be the root directory `/`"));
                                }
                                tooLong(named).ifPresent(found::add);
                                if (named.what().equals("workdir")
                                        && TRAILING_SPACE.matcher(raw).find()) {
                                    found.add(
                                            Diagnostic.error(
                                                            Code.MALFORMED_PATH,
                                                            named.path().at(),
                                                            "workdir \""
                                                                    + raw
                                                                    + "\" ends with a space, which a Dockerfile's WORKDIR drops (the Nix image would keep it)")
                                                    .withHint(
                                                            "name a directory without trailing spaces"));
                                }
                            });
        }
        return found;
    }

    /**
     * A segment over NAME_MAX (255 bytes) or a path that, under the build stage's root
     * /distrogen/root, is over PATH_MAX (4096 bytes with its NUL): mkdir fails with "File name too
     * long" on Linux's file systems.
     */
    private static Optional<Diagnostic> tooLong(Named named) {
        String raw = named.path().value();
        for (String segment : raw.substring(1).split("/")) {
            int bytes = utf8Bytes(segment);
            if (bytes > MAX_SEGMENT_BYTES) {
                return Optional.of(
                        Diagnostic.error(
                                        Code.PATH_TOO_LONG,
                                        named.path().at(),
                                        named.what()
                                                + " path too long: a segment holds "
                                                + bytes
                                                + " bytes (UTF-8), more than the "
                                                + MAX_SEGMENT_BYTES
                                                + " a file name may hold")
                                .withHint(
                                        "shorten the segment that starts \""
                                                + start(segment)
                                                + "\""));
            }
        }
        int bytes = utf8Bytes(raw);
        if (bytes > MAX_PATH_BYTES) {
            return Optional.of(
                    Diagnostic.error(
                                    Code.PATH_TOO_LONG,
                                    named.path().at(),
                                    named.what()
                                            + " path too long: it holds "
                                            + bytes
                                            + " bytes (UTF-8), more than the "
                                            + MAX_PATH_BYTES
                                            + " a path in the image may hold (PATH_MAX, 4096 with its NUL, less the build stage's root /distrogen/root)")
                            .withHint("use a shorter path"));
        }
        return Optional.empty();
    }

    private static int utf8Bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String start(String segment) {
        return segment.substring(
                        0,
                        segment.offsetByCodePoints(
                                0, Math.min(16, segment.codePointCount(0, segment.length()))))
                + "...";
    }

    private static Diagnostic diagnose(Named named, String problem) {
        String raw = named.path().value();
        String message =
                named.what() + " \"" + raw + "\" is not a valid path in the image: " + problem;
        if (problem.contains("relative")) {
            return Diagnostic.error(Code.RELATIVE_PATH, named.path().at(), message)
                    .withHint(
                            "paths in the image are absolute: \"/"
                                    + raw.replaceFirst("^\\./", "")
                                    + "\"");
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
        spec.app()
                .ifPresent(
                        app -> {
                            app.binary().ifPresent(b -> paths.add(new Named("binary", b)));
                            app.libs().forEach(l -> paths.add(new Named("libs path", l)));
                            app.files().forEach(f -> paths.add(new Named("files path", f)));
                            app.workdir().ifPresent(w -> paths.add(new Named("workdir", w)));
                            app.init().ifPresent(i -> paths.add(new Named("init", i)));
                        });
        spec.user()
                .ifPresent(
                        user -> {
                            user.home().ifPresent(h -> paths.add(new Named("home", h)));
                            user.shell().ifPresent(s -> paths.add(new Named("shell", s)));
                        });
        return paths;
    }
}
