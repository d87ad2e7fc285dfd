package dev.distrogen.plan;

import dev.distrogen.model.ContainerPath;
import java.util.ArrayList;
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

    /**
     * The {@code libs} and {@code files} paths, each with its statement ("libs
     * /usr/lib/nginx/modules"): only an image build stage has them. The Nix image (and {@code
     * builder nix}) holds the nix package's closure instead, so these are "Dockerfile only" (DG091
     * says so at check time).
     */
    public List<String> dockerfileOnly() {
        List<String> paths = new ArrayList<>();
        libs.forEach(l -> paths.add("libs " + l.value()));
        files.forEach(f -> paths.add("files " + f.value()));
        return paths;
    }
}
