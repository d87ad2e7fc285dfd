package dev.distrogen.plan;

import dev.distrogen.model.ContainerPath;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the image takes from the app's build: the binary, what it loads with dlopen, and other
 * files, each with its shared-library closure, which only the build stage can resolve; the init
 * started as PID 1 before the program, when the spec names one, collected as the program is.
 */
public record AppPayload(
        String name,
        ContainerPath binary,
        List<ContainerPath> libs,
        List<ContainerPath> files,
        Optional<ContainerPath> init) {

    public AppPayload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(binary, "binary");
        libs = List.copyOf(libs);
        files = List.copyOf(files);
        Objects.requireNonNull(init, "init");
    }
}
