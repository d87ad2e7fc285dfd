package dev.distrogen.plan;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The OCI image config both targets declare. The program itself is target-specific (a path in the
 * build stage, or in the Nix package): {@link DockerOptions#program()} and {@link
 * NixOptions#program()} decide it. The spec's {@code args} are the {@code Cmd}, so that {@code
 * docker run IMAGE ARGS...} replaces them as users expect.
 *
 * @param env in the order written
 * @param exposedPorts in the order written
 */
public record ImageConfig(
        String user,
        List<String> cmd,
        List<EnvVariable> env,
        Optional<String> workingDir,
        List<ExposedPort> exposedPorts,
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

    /** Env as the OCI config lists it: "NAME=value". */
    public List<String> envList() {
        return env.stream().map(EnvVariable::ociForm).toList();
    }

    /** ExposedPorts' keys as the OCI config has them: "8080/tcp". */
    public List<String> portList() {
        return exposedPorts.stream().map(ExposedPort::ociForm).toList();
    }

    /** The stop signal the runtime sends: the declared one, else the runtimes' default, SIGTERM. */
    public String effectiveStopSignal() {
        return stopSignal.orElse(dev.distrogen.model.StopSignal.DEFAULT);
    }
}
