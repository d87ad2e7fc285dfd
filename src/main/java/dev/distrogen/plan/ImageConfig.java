package dev.distrogen.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.Collections;

/**
 * The OCI image config both targets declare. The program itself is target-specific (a path in
 * the build stage, or in the Nix package), so {@code Entrypoint} is built by each backend from
 * {@link AppPayload} or {@link NixOptions}; the spec's {@code args} are the {@code Cmd}, so that
 * {@code docker run IMAGE ARGS...} replaces them as users expect.
 *
 * @param env "NAME=value" pairs in the order written
 * @param exposedPorts "8080/tcp", in the order written
 */
public record ImageConfig(
        String user,
        List<String> cmd,
        List<String> env,
        Optional<String> workingDir,
        List<String> exposedPorts,
        Optional<String> stopSignal,
        SortedMap<String, String> labels) {

    public ImageConfig {
        Objects.requireNonNull(user, "user");
        cmd = List.copyOf(cmd);
        env = List.copyOf(env);
        Objects.requireNonNull(workingDir, "workingDir");
        exposedPorts = List.copyOf(exposedPorts);
        Objects.requireNonNull(stopSignal, "stopSignal");
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }
}
