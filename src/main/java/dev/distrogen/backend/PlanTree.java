package dev.distrogen.backend;

import dev.distrogen.model.Platform;
import dev.distrogen.plan.Account;
import dev.distrogen.plan.FileContent;
import dev.distrogen.plan.ImageConfig;
import dev.distrogen.plan.ImagePlan;
import dev.distrogen.plan.PlanEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan as a tree of maps, lists, strings and numbers: what {@code --target json} prints and
 * what user templates see (docs/command-line.md: Your own templates), below both so that neither
 * target imports the other.
 */
public final class PlanTree {

    private PlanTree() {}

    /**
     * The JSON document as maps, lists, strings and numbers: what this target prints, and the data
     * model user templates see (docs/command-line.md: Your own templates), so the two never differ.
     */
    public static Map<String, Object> of(GenerationRequest request) {
        ImagePlan plan = request.plan();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("spec", request.specName());
        root.put("image", image(plan));
        root.put("app", app(plan));
        root.put("user", user(plan.user()));
        root.put("docker", docker(plan));
        root.put("nix", nix(plan));
        root.put("sbom", plan.sbom());
        root.put("config", config(plan.config()));
        root.put("files", files(plan));
        return root;
    }

    private static Map<String, Object> image(ImagePlan plan) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("name", plan.name());
        image.put("tag", plan.tag());
        plan.description().ifPresent(d -> image.put("description", d));
        image.put("platforms", plan.platforms().stream().map(Platform::platformName).toList());
        return image;
    }

    private static Map<String, Object> app(ImagePlan plan) {
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("name", plan.app().name());
        app.put("binary", plan.app().binary().value());
        app.put("libs", plan.app().libs().stream().map(Object::toString).toList());
        app.put("files", plan.app().files().stream().map(Object::toString).toList());
        plan.app().init().ifPresent(i -> app.put("init", i.value()));
        return app;
    }

    private static Map<String, Object> user(Account account) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("name", account.name());
        user.put("uid", account.uid());
        user.put("group", account.group());
        user.put("gid", account.gid());
        user.put("home", account.home());
        user.put("shell", account.shell());
        return user;
    }

    private static Map<String, Object> docker(ImagePlan plan) {
        Map<String, Object> docker = new LinkedHashMap<>();
        plan.docker().from().ifPresent(f -> docker.put("from", f));
        docker.put("base", plan.docker().baseImage());
        docker.put("builder", plan.docker().builder().word());
        docker.put("packages", plan.docker().packages());
        plan.docker().smoke().ifPresent(s -> docker.put("smoke", s));
        plan.docker()
                .probe()
                .ifPresent(
                        p -> {
                            Map<String, Object> probe = new LinkedHashMap<>();
                            probe.put("kind", p.check().kind().name().toLowerCase(Locale.ROOT));
                            p.check().path().ifPresent(path -> probe.put("path", path));
                            probe.put("port", p.check().port());
                            probe.put("trace", p.trace());
                            docker.put("probe", probe);
                        });
        docker.put("entrypoint", plan.docker().entrypoint());
        return docker;
    }

    private static Map<String, Object> nix(ImagePlan plan) {
        Map<String, Object> nix = new LinkedHashMap<>();
        nix.put("package", plan.nix().packageAttr());
        nix.put("binary", plan.nix().binary());
        nix.put("function", plan.nix().function().nixName());
        return nix;
    }

    /** The OCI config keys, as both targets declare them (Entrypoint differs: see ImageConfig). */
    private static Map<String, Object> config(ImageConfig config) {
        Map<String, Object> oci = new LinkedHashMap<>();
        oci.put("User", config.user());
        oci.put("Cmd", config.cmd());
        oci.put("Env", config.envList());
        config.workingDir().ifPresent(w -> oci.put("WorkingDir", w));
        oci.put("ExposedPorts", config.portList());
        config.stopSignal().ifPresent(s -> oci.put("StopSignal", s));
        oci.put("Labels", new LinkedHashMap<>(config.labels()));
        return oci;
    }

    private static List<Object> files(ImagePlan plan) {
        List<Object> files = new ArrayList<>();
        for (PlanEntry e : plan.entries()) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", e.path().value());
            file.put("type", e.isDirectory() ? "directory" : "file");
            file.put("owner", e.owner());
            file.put("uid", e.uid());
            file.put("group", e.group());
            file.put("gid", e.gid());
            file.put("mode", e.mode().octal());
            file.put("origin", e.origin().name().toLowerCase(java.util.Locale.ROOT));
            e.content()
                    .ifPresent(
                            c -> {
                                if (c instanceof FileContent.SourceFile source) {
                                    file.put("from", source.specRelative());
                                } else {
                                    file.put("text", ((FileContent.Text) c).text());
                                }
                            });
            files.add(file);
        }
        return files;
    }
}
