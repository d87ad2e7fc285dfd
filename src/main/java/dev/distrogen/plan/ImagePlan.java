package dev.distrogen.plan;

import dev.distrogen.model.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the final image holds and how it is configured, decided once from a checked spec. Both
 * generators render this; neither goes back to the spec.
 *
 * @param entries every path distrogen lays out, parents before children, sorted
 * @param writableDirs the declared directories (and /tmp) the app's user may write to, by the
 *     kernel's rules: what a read-only root filesystem needs a volume for, in every target
 * @param names the names the running image gets
 * @param digest the image's content digest, when the spec pins one ("sha256:...")
 * @param mounts a volume on each of the writable dirs: a tmpfs, or a persistent volume
 * @param sbom whether the image carries package metadata for vulnerability scanners ({@code sbom
 *     on})
 * @param platforms the platforms the image is built for, in the spec's order; empty: the builder's
 *     own (no {@code platforms} statement)
 */
public record ImagePlan(
        String name,
        String tag,
        Optional<String> digest,
        Optional<String> description,
        Account user,
        List<PlanEntry> entries,
        List<PlanEntry> writableDirs,
        ResourceNames names,
        List<VolumeMount> mounts,
        RuntimeOptions runtime,
        AppPayload app,
        ImageConfig config,
        DockerOptions docker,
        NixOptions nix,
        boolean sbom,
        List<Platform> platforms) {

    public ImagePlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(user, "user");
        entries = List.copyOf(entries);
        writableDirs = List.copyOf(writableDirs);
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(names, "names");
        mounts = List.copyOf(mounts);
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(docker, "docker");
        Objects.requireNonNull(nix, "nix");
        platforms = List.copyOf(platforms);
    }

    /** Where an image built from a Nix closure carries its CycloneDX SBOM, in every target. */
    public static final String SBOM_PATH = "/usr/share/sbom/image.cdx.json";

    /** This plan with other Dockerfile options (a lock's pinned packages). */
    public ImagePlan withDocker(DockerOptions other) {
        return new ImagePlan(
                name,
                tag,
                digest,
                description,
                user,
                entries,
                writableDirs,
                names,
                mounts,
                runtime,
                app,
                config,
                other,
                nix,
                sbom,
                platforms);
    }

    /** "nginx-distroless:1.0": what a build tags. */
    public String reference() {
        return name + ":" + tag;
    }

    /**
     * What a runtime pulls: "ghcr.io/acme/web:1.0@sha256:..." with the spec's digest, which pins
     * the content whatever the tag points to later; else {@link #reference()}.
     */
    public String pinnedReference() {
        return digest.map(d -> reference() + "@" + d).orElse(reference());
    }

    /** The registry host of the name ("ghcr.io" of "ghcr.io/acme/web"), if the name has one. */
    public Optional<String> registry() {
        int slash = name.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String first = name.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost")
                ? Optional.of(first)
                : Optional.empty();
    }

    /** Whether any writable dir keeps its data in a volume. */
    public boolean hasPersistentDirs() {
        return mounts.stream().anyMatch(VolumeMount::persistent);
    }

    /**
     * The options of {@code docker run} (and podman) that run the image as the plan means it, one
     * flag and its value a row, unescaped: a read-only root, a tmpfs with the planned owner and
     * mode on each writable dir (a named volume on a persistent one), each port published.
     */
    public List<List<String>> runOptions() {
        List<List<String>> options = new ArrayList<>();
        options.add(List.of("--read-only"));
        for (VolumeMount mount : mounts) {
            options.add(
                    mount.persistent()
                            ? List.of("-v", mount.runName() + ":" + mount.path())
                            : List.of("--tmpfs", mount.path() + ":" + mount.tmpfsOptions()));
        }
        for (ExposedPort port : config.exposedPorts()) {
            options.add(List.of("-p", port.number() + ":" + port.ociForm()));
        }
        return options;
    }

    public List<PlanEntry> directories() {
        return entries.stream().filter(PlanEntry::isDirectory).toList();
    }

    public List<PlanEntry> files() {
        return entries.stream().filter(e -> !e.isDirectory()).toList();
    }
}
