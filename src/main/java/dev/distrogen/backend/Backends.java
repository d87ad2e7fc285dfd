package dev.distrogen.backend;

import dev.distrogen.backend.dockerfile.DockerfileBackend;
import dev.distrogen.backend.json.JsonBackend;
import dev.distrogen.backend.nix.NixBackend;
import dev.distrogen.backend.plan.PlanBackend;
import java.util.List;
import java.util.Optional;

/** Every target, in one list: a new backend is added here and nowhere else. */
public final class Backends {

    private static final List<Backend> ALL = List.of(new PlanBackend(), new JsonBackend(), new DockerfileBackend(), new NixBackend());

    private Backends() {
    }

    public static List<Backend> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Backend::name).toList();
    }

    public static Optional<Backend> byName(String name) {
        return ALL.stream().filter(b -> b.name().equals(name)).findFirst();
    }
}
