package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.diagnostic.FileNameEncoding;
import dev.distrogen.model.ConfigDecl;
import dev.distrogen.model.ConfigSource;
import dev.distrogen.model.Located;
import dev.distrogen.model.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code from} file must be a regular file inside the spec's folder. DG023: missing or not a
 * file; DG024: outside the folder (by "..", an absolute path or a symlink), which would make the
 * build depend on, or copy, files the project does not hold; DG025: a name the build context cannot
 * carry (quotes, backslashes, control characters: see ContainerPath), one with `.`, `..` or empty
 * segments (it is copied under that name), or one the generated build context uses itself.
 */
public final class ConfigFileCheck implements Check {

    private final Set<String> generatedNames;

    /**
     * @param generatedNames the files the targets write (Backend.fileNames), which a from file may
     *     not take
     */
    public ConfigFileCheck(Set<String> generatedNames) {
        this.generatedNames = Set.copyOf(generatedNames);
    }

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        for (ConfigDecl config : spec.configs()) {
            if (config.source() instanceof ConfigSource.FromFile from) {
                check(spec.baseDir(), from.file(), found);
            }
        }
        return found;
    }

    private void check(Path baseDir, Located<String> file, List<Diagnostic> found) {
        String name = file.value();
        if (name.chars()
                .anyMatch(c -> c < 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '\\')) {
            found.add(
                    Diagnostic.error(
                                    Code.FROM_FILE_NAME,
                                    file.at(),
                                    "config source \""
                                            + name
                                            + "\" holds a quote, "
                                            + "backslash or control character, which Dockerfile builders do not escape alike")
                            .withHint("rename the file"));
            return;
        }
        if (name.chars().anyMatch(c -> c == '*' || c == '?' || c == '[')) {
            found.add(
                    Diagnostic.error(
                                    Code.FROM_FILE_NAME,
                                    file.at(),
                                    "config source \""
                                            + name
                                            + "\" holds `*`, `?` or `[`, "
                                            + "which a Dockerfile's COPY reads as a pattern")
                            .withHint("rename the file"));
            return;
        }
        Optional<String> taken = generatedNames.stream().filter(g -> collides(name, g)).findFirst();
        if (taken.isPresent()) {
            found.add(
                    Diagnostic.error(
                                    Code.FROM_FILE_NAME,
                                    file.at(),
                                    "config source \""
                                            + name
                                            + "\" would be copied where "
                                            + "distrogen writes "
                                            + taken.get())
                            .withHint(
                                    "rename the file, e.g. to "
                                            + name.replaceFirst("^\\.", "").replace('/', '-')
                                            + ".in"));
            return;
        }
        Path base = baseDir.toAbsolutePath().normalize();
        Path resolved;
        try {
            resolved = base.resolve(name).normalize();
        } catch (InvalidPathException e) {
            found.add(
                    Diagnostic.error(
                            Code.FROM_FILE_MISSING,
                            file.at(),
                            "\"" + name + "\" is not a valid file name" + FileNameEncoding.hint()));
            return;
        }
        if (name.isEmpty()
                || name.startsWith("/")
                || !resolved.startsWith(base)
                || resolved.equals(base)) {
            found.add(
                    Diagnostic.error(
                                    Code.FROM_FILE_OUTSIDE,
                                    file.at(),
                                    "config source \"" + name + "\" is outside the spec's folder")
                            .withHint(
                                    "copy the file next to the spec and name it relative to it, e.g. from \""
                                            + resolved.getFileName()
                                            + "\""));
            return;
        }
        if (Arrays.stream(name.split("/", -1))
                .anyMatch(
                        segment ->
                                segment.isEmpty() || segment.equals(".") || segment.equals(".."))) {
            found.add(
                    Diagnostic.error(
                                    Code.FROM_FILE_NAME,
                                    file.at(),
                                    "config source \"" + name + "\" is not a plain relative name")
                            .withHint(
                                    "write it without `.` and `..` segments or `//`: from \""
                                            + base.relativize(resolved)
                                            + "\""));
            return;
        }
        if (!Files.isRegularFile(resolved)) {
            String what =
                    Files.isDirectory(resolved) ? "is a directory, not a file" : "does not exist";
            found.add(
                    Diagnostic.error(
                                    Code.FROM_FILE_MISSING,
                                    file.at(),
                                    "config source \"" + name + "\" " + what)
                            .withHint("`from` names a file relative to the spec's folder"));
            return;
        }
        if (!realPathInside(base, resolved)) {
            found.add(
                    Diagnostic.error(
                                    Code.FROM_FILE_OUTSIDE,
                                    file.at(),
                                    "config source \""
                                            + name
                                            + "\" is a link to a file outside the spec's folder")
                            .withHint("copy the file itself next to the spec"));
        }
    }

    /**
     * Whether a file copied as {@code name} into an output directory would take the place of {@code
     * generated}, or of a directory it needs: compared without case, as macOS's and Windows' file
     * systems do.
     */
    private static boolean collides(String name, String generated) {
        String a = name.toLowerCase(Locale.ROOT);
        String b = generated.toLowerCase(Locale.ROOT);
        return a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/");
    }

    private static boolean realPathInside(Path base, Path file) {
        try {
            return file.toRealPath().startsWith(base.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
