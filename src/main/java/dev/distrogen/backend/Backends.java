package dev.distrogen.backend;

import dev.distrogen.backend.all.AllBackend;
import dev.distrogen.backend.compose.ComposeBackend;
import dev.distrogen.backend.dockerfile.DockerfileBackend;
import dev.distrogen.backend.docs.DocsBackend;
import dev.distrogen.backend.json.JsonBackend;
import dev.distrogen.backend.k8s.K8sBackend;
import dev.distrogen.backend.nix.NixBackend;
import dev.distrogen.backend.plan.PlanBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Every target, in one list: a new backend is added here and nowhere else. */
public final class Backends {

    private static final Backend DOCKERFILE = new DockerfileBackend();
    private static final Backend NIX = new NixBackend();
    private static final Backend DOCS = new DocsBackend();
    private static final Backend K8S = new K8sBackend();
    private static final Backend COMPOSE = new ComposeBackend();
    private static final List<Backend> TARGETS =
            List.of(new PlanBackend(), new JsonBackend(), DOCKERFILE, NIX, DOCS, K8S, COMPOSE);

    /**
     * The repository skeleton: the targets that make part of a project (not the plan and json
     * views).
     */
    private static final List<Backend> SKELETON_PARTS =
            List.of(DOCKERFILE, NIX, DOCS, K8S, COMPOSE);

    private static final Backend ALL = new AllBackend(SKELETON_PARTS);

    private Backends() {}

    /** The single targets, each golden-tested on every example. */
    public static List<Backend> all() {
        return TARGETS;
    }

    /** Every name --target takes. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(TARGETS.stream().map(Backend::name).toList());
        names.add(ALL.name());
        return names;
    }

    /**
     * Every file name a built-in target writes of its own: a {@code from} file of the spec may not
     * take one, since {@code -o DIR} copies it under its name beside them.
     */
    public static List<String> fileNames() {
        Set<String> names = new TreeSet<>(ALL.fileNames());
        TARGETS.forEach(target -> names.addAll(target.fileNames()));
        return List.copyOf(names);
    }

    public static Optional<Backend> byName(String name) {
        return byName(name, List.of());
    }

    /**
     * A built-in target; the repository skeleton ({@code all}) then also renders {@code
     * userTargets}, the targets the user's templates add.
     */
    public static Optional<Backend> byName(String name, List<Backend> userTargets) {
        if (!name.equals(ALL.name())) {
            return TARGETS.stream().filter(b -> b.name().equals(name)).findFirst();
        }
        List<Backend> parts = new ArrayList<>(SKELETON_PARTS);
        parts.addAll(userTargets);
        return Optional.of(userTargets.isEmpty() ? ALL : new AllBackend(parts));
    }
}
