package dev.distrogen.plan;

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
 * @param sbom whether the image carries package metadata for vulnerability scanners ({@code sbom on})
 */
public record ImagePlan(
        String name,
        String tag,
        Optional<String> description,
        Account user,
        List<PlanEntry> entries,
        List<PlanEntry> writableDirs,
        ResourceNames names,
        AppPayload app,
        ImageConfig config,
        DockerOptions docker,
        NixOptions nix,
        boolean sbom) {

    public ImagePlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(user, "user");
        entries = List.copyOf(entries);
        writableDirs = List.copyOf(writableDirs);
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(docker, "docker");
        Objects.requireNonNull(nix, "nix");
    }

    /** Where an image built from a Nix closure carries its CycloneDX SBOM, in every target. */
    public static final String SBOM_PATH = "/usr/share/sbom/image.cdx.json";

    /** "nginx-distroless:1.0". */
    public String reference() {
        return name + ":" + tag;
    }

    public List<PlanEntry> directories() {
        return entries.stream().filter(PlanEntry::isDirectory).toList();
    }

    public List<PlanEntry> files() {
        return entries.stream().filter(e -> !e.isDirectory()).toList();
    }
}
