package dev.distrogen.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code app "NAME" { ... }}: the program the image runs. Paths are as written; the checks say
 * whether they are usable.
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
        Objects.requireNonNull(at, "at");
    }
}
