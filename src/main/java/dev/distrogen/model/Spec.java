package dev.distrogen.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A spec as written: the first occurrence of each statement, every repeatable one in order, and the
 * list of all statements (for duplicate checks). Nothing here is validated; see the checks.
 *
 * @param baseDir the spec's folder, against which {@code from} files are resolved
 * @param sbom {@code sbom on|off} as written: package metadata for scanners in the image
 * @param platforms {@code platforms "linux/amd64" ...} as written, empty when the spec has none
 */
public record Spec(
        Path baseDir,
        Optional<ImageDecl> image,
        Optional<Located<String>> description,
        List<Label> labels,
        Optional<App> app,
        Optional<User> user,
        List<DirDecl> dirs,
        List<ConfigDecl> configs,
        List<PortDecl> ports,
        DockerSettings docker,
        NixSettings nix,
        Optional<Located<String>> sbom,
        List<Located<String>> platforms,
        Optional<HealthDecl> health,
        ResourcesDecl resources,
        K8sSettings k8s,
        List<StatementRef> statements) {

    public Spec {
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(description, "description");
        labels = List.copyOf(labels);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(user, "user");
        dirs = List.copyOf(dirs);
        configs = List.copyOf(configs);
        ports = List.copyOf(ports);
        Objects.requireNonNull(docker, "docker");
        Objects.requireNonNull(nix, "nix");
        Objects.requireNonNull(sbom, "sbom");
        platforms = List.copyOf(platforms);
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(k8s, "k8s");
        statements = List.copyOf(statements);
    }
}
