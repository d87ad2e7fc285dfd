package dev.distrogen.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code app "NAME" { ... }}: the program the image runs. Paths are as written; the checks say
 * whether they are usable. {@code init} is the program started as PID 1 before the app; {@code
 * smoke} the arguments of the build-time run of the app (present, maybe empty, when given).
 */
public record App(
        Located<String> name,
        Optional<Located<String>> binary,
        List<Located<String>> args,
        List<Located<String>> libs,
        List<Located<String>> files,
        List<EnvVar> env,
        Optional<Located<String>> stopSignal,
        Optional<Located<String>> workdir,
        Optional<Located<String>> init,
        Optional<List<Located<String>>> smoke,
        SourceLocation at) {

    public App {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(binary, "binary");
        args = List.copyOf(args);
        libs = List.copyOf(libs);
        files = List.copyOf(files);
        env = List.copyOf(env);
        Objects.requireNonNull(stopSignal, "stopSignal");
        Objects.requireNonNull(workdir, "workdir");
        Objects.requireNonNull(init, "init");
        smoke = smoke.map(List::copyOf);
        Objects.requireNonNull(at, "at");
    }
}
