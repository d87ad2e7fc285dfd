package dev.distrogen.backend.dockerfile;

import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.backend.ShellScripts;
import dev.distrogen.backend.escape.DockerfileText;
import dev.distrogen.backend.escape.Shell;
import dev.distrogen.model.ContainerPath;
import dev.distrogen.model.DockerBuilder;
import dev.distrogen.plan.BuildProbe;
import dev.distrogen.plan.FileContent;
import dev.distrogen.plan.HealthProbe;
import dev.distrogen.plan.ImagePlan;
import dev.distrogen.plan.PlanEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The build stage's instructions, and the files of the build context they use: the shipped scripts
 * in {@value #FOLDER}/, run as {@code sh /distrogen/SCRIPT ARG...}, and the layout (the plan's
 * directories and text files, with owner and mode) as data in {@value #LAYOUT}/. Spec strings reach
 * a RUN only as single shell words (quoted where needed), and the layout only as data that
 * layout.sh reads, never as code.
 */
final class BuildStage {

    /** The build context's folder of scripts and data, copied to /distrogen in the stage. */
    static final String FOLDER = "distrogen";

    static final String LAYOUT = FOLDER + "/layout";

    private static final String IN_STAGE = "/distrogen/";

    /** layers.sh's data, beside the layout (copied with it): "app PATH" and "config PATH" lines. */
    static final String LAYERS = LAYOUT + "/layers";

    /**
     * Where the final stage copies its layers from, in this order (layers.sh); no name is longer
     * than "root", so that every path DG085 allows fits under each.
     */
    static final List<String> LAYER_FOLDERS =
            List.of(IN_STAGE + "libs/", IN_STAGE + "app/", IN_STAGE + "conf/");

    /** With builder nix: nix-collect.sh's list of the installed packages' store paths. */
    private static final String NIX_APP = "/distrogen/nix-app";

    /** The probe's data (probe.sh): the command, user, env and dirs, one escaped value a line. */
    static final String PROBE = FOLDER + "/probe";

    /** With builder nix: the pinned nixpkgs expression nix-collect.sh installs from. */
    static final String NIXPKGS = FOLDER + "/nixpkgs.nix";

    /** The root the stage fills, which layers.sh splits into the final stage's layers. */
    private static final String ROOT = "/distrogen/root";

    /** Past this width, a script's arguments go one pair to a line. */
    private static final int WIDTH = 100;

    private final ImagePlan plan;
    private final List<String> instructions = new ArrayList<>();
    private final TreeSet<String> scripts = new TreeSet<>();

    private BuildStage(ImagePlan plan) {
        this.plan = plan;
    }

    /** The stage's instructions after FROM and USER, for the build stage {@code buildImage}. */
    static BuildStage of(ImagePlan plan, String buildImage) {
        BuildStage stage = new BuildStage(plan);
        stage.instructions.add("COPY " + FOLDER + "/*.sh " + IN_STAGE);
        if (!plan.docker().packages().isEmpty()) {
            List<String> args = new ArrayList<>(List.of(buildImage));
            args.addAll(plan.docker().packages());
            stage.run("packages.sh", args);
        }
        if (plan.docker().builder() == DockerBuilder.NIX) {
            stage.nixCollect();
        } else {
            stage.collect();
        }
        stage.instructions.add("COPY " + LAYOUT + "/ " + IN_STAGE + "layout/");
        stage.run("layout.sh", List.of(IN_STAGE + "layout"));
        stage.copyConfigFiles();
        plan.docker().smoke().ifPresent(stage::smoke);
        plan.docker().probe().ifPresent(stage::probe);
        if (plan.docker().builder() != DockerBuilder.NIX) {
            // The ten largest files of the image, each with what pulled it in. (With builder nix
            // the root is whole store paths, whose names already say which package.)
            stage.run("sizes.sh", List.of());
        }
        // Last, after sizes.sh reads the root: nothing may change it once it is split into the
        // final stage's layers.
        stage.layers();
        return stage;
    }

    List<String> instructions() {
        return instructions;
    }

    /** The scripts the instructions run, with those they source, and the layout's data. */
    List<GeneratedFile> files() {
        List<GeneratedFile> files = new ArrayList<>();
        for (String script : scripts) {
            files.add(GeneratedFile.text(FOLDER + "/" + script, ShellScripts.text(script)));
        }
        if (plan.docker().builder() == DockerBuilder.NIX) {
            files.add(GeneratedFile.text(NIXPKGS, plan.nix().nixpkgs().expression() + "\n"));
        }
        files.add(GeneratedFile.text(LAYOUT + "/entries", layoutEntries()));
        files.add(GeneratedFile.text(LAYERS, layerList()));
        plan.docker()
                .probe()
                .ifPresent(p -> files.add(GeneratedFile.text(PROBE + "/run", probeData(p))));
        for (PlanEntry file : plan.files()) {
            if (file.content().orElseThrow() instanceof FileContent.Text text) {
                files.add(GeneratedFile.text(LAYOUT + "/root" + file.path().value(), text.text()));
            }
        }
        return files;
    }

    private void collect() {
        List<String> args = new ArrayList<>();
        args.addAll(List.of("app", plan.app().binary().value()));
        plan.app().init().ifPresent(init -> args.addAll(List.of("init", init.value())));
        for (ContainerPath lib : plan.app().libs()) {
            args.addAll(List.of("libs", lib.value()));
        }
        for (ContainerPath file : plan.app().files()) {
            args.addAll(List.of("files", file.value()));
        }
        run("collect.sh", args);
        // What the C library loads by itself with dlopen (libgcc_s, gconv, NSS modules), which ldd
        // never lists. Not with builder nix: its root holds whole store paths, glibc's with them.
        run("runtime.sh", List.of());
        if (plan.sbom()) {
            run("metadata.sh", List.of(ImagePlan.SBOM_PATH));
        }
    }

    private void nixCollect() {
        // The pinned nixpkgs the Nix target imports too (never the builder image's channel), as a
        // file of the build context.
        instructions.add("COPY " + NIXPKGS + " " + IN_STAGE);
        List<String> args = new ArrayList<>();
        if (plan.sbom()) {
            args.addAll(List.of("--sbom", ImagePlan.SBOM_PATH));
        }
        args.add(plan.nix().packageAttr());
        plan.nix().init().ifPresent(init -> args.add(init.packageAttr()));
        run("nix-collect.sh", args);
    }

    /**
     * The split of the root into the final stage's layers: the closure below, the app, the configs
     * on top. With builder nix, nix-collect.sh lists the packages' own store paths.
     */
    private void layers() {
        List<String> args = new ArrayList<>(List.of(IN_STAGE + "layout/layers"));
        if (plan.docker().builder() == DockerBuilder.NIX) {
            args.add(NIX_APP);
        }
        run("layers.sh", args);
    }

    /**
     * layers.sh's data: the configs of the spec ("config PATH"), then what is the app's own: the
     * paths the spec names in app (binary, init, libs, files) as the stage resolves them ("app
     * PATH"), its dirs, the accounts (/etc/passwd, ...) and the scanner metadata, which changes
     * with the packages, as the root holds them ("made PATH"). What no line names is the closure.
     */
    private String layerList() {
        StringBuilder out = new StringBuilder();
        for (PlanEntry file : plan.files()) {
            if (file.origin() == PlanEntry.Origin.CONFIG) {
                out.append("config ").append(file.path().value()).append('\n');
            }
        }
        List<ContainerPath> app = new ArrayList<>();
        if (plan.docker().builder() != DockerBuilder.NIX) {
            app.add(plan.app().binary());
            plan.app().init().ifPresent(app::add);
            app.addAll(plan.app().libs());
            app.addAll(plan.app().files());
        }
        app.forEach(path -> out.append("app ").append(path.value()).append('\n'));
        List<String> made = new ArrayList<>();
        for (PlanEntry entry : plan.entries()) {
            // A dir of the spec moves with what it holds; a parent stays below (made in each
            // layer).
            if (entry.origin() == PlanEntry.Origin.DIR
                    || entry.origin() == PlanEntry.Origin.ACCOUNTS) {
                made.add(entry.path().value());
            }
        }
        if (plan.sbom()) {
            made.addAll(SCANNER_METADATA);
            made.add(ImagePlan.SBOM_PATH);
        }
        made.forEach(path -> out.append("made ").append(path).append('\n'));
        return out.toString();
    }

    /** Where metadata.sh writes what scanners read, besides the SBOM. */
    private static final List<String> SCANNER_METADATA =
            List.of("/var/lib/dpkg/status.d", "/lib/apk/db/installed");

    /**
     * The config files of the build context, into the root with numeric owner and mode, after the
     * layout: the probe and the smoke test find them there, and the final stage takes them with the
     * root.
     */
    private void copyConfigFiles() {
        for (PlanEntry file : plan.files()) {
            if (file.content().orElseThrow() instanceof FileContent.SourceFile source) {
                instructions.add(
                        "COPY --chown="
                                + file.numericOwner()
                                + " --chmod="
                                + file.mode().octal()
                                + " ["
                                + DockerfileText.copyPath(source.specRelative())
                                + ", "
                                + DockerfileText.copyPath(ROOT + file.path().value())
                                + "]");
            }
        }
    }

    /**
     * The image's entrypoint started in a copy of the root and sent the health check (probe.sh),
     * its data in {@value #PROBE}/: the RUN line holds only the signal and the check.
     */
    private void probe(BuildProbe probe) {
        instructions.add("COPY " + PROBE + "/ " + IN_STAGE + "probe/");
        List<String> args = new ArrayList<>();
        if (probe.trace()) {
            args.add("--trace");
        }
        args.add(plan.config().effectiveStopSignal());
        HealthProbe check = probe.check();
        args.add(check.kind() == HealthProbe.Kind.HTTP ? "http" : "tcp");
        args.add(Integer.toString(check.port()));
        check.path().ifPresent(args::add);
        run("probe.sh", args);
    }

    /**
     * probe.sh's data: "KEY VALUE" a line, each value as {@link Shell#printfData} writes it: the
     * user, working dir, env, the entrypoint and command word by word, the writable dirs; for the
     * trace, the config files and writable dirs to lay out in the build stage's own files.
     */
    private String probeData(BuildProbe probe) {
        StringBuilder out = new StringBuilder();
        out.append("user ").append(plan.config().user()).append('\n');
        line(out, "workdir", plan.config().workingDir().orElse("/"));
        plan.config().envList().forEach(e -> line(out, "env", e));
        plan.docker().entrypoint().forEach(a -> line(out, "arg", a));
        plan.config().cmd().forEach(a -> line(out, "arg", a));
        plan.writableDirs().forEach(d -> line(out, "writable", d.path().value()));
        if (probe.trace()) {
            for (PlanEntry entry : plan.entries()) {
                boolean config = entry.origin() == PlanEntry.Origin.CONFIG && !entry.isDirectory();
                if (config || plan.writableDirs().contains(entry)) {
                    line(
                            out,
                            (config ? "config " : "dir ")
                                    + entry.numericOwner()
                                    + " "
                                    + entry.mode().octal(),
                            entry.path().value());
                }
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append(' ').append(Shell.printfData(value)).append('\n');
    }

    /**
     * The program, run as the image's user with the image's env only, inside the collected root.
     */
    private void smoke(List<String> programArgs) {
        List<String> args = new ArrayList<>(List.of(plan.config().user()));
        args.addAll(plan.config().envList());
        args.add("--");
        args.add(plan.docker().program());
        args.addAll(programArgs);
        run("smoke.sh", args);
    }

    /**
     * RUN sh /distrogen/SCRIPT ARG...: on one line, or past {@link #WIDTH} one pair of arguments a
     * line.
     */
    private void run(String script, List<String> args) {
        scripts.add(script);
        scripts.addAll(ShellScripts.sources(script));
        String command = "RUN sh " + IN_STAGE + script;
        List<String> words = args.stream().map(Shell::word).toList();
        String oneLine = command + (words.isEmpty() ? "" : " " + String.join(" ", words));
        if (oneLine.length() <= WIDTH) {
            instructions.add(oneLine);
        } else if (script.equals("collect.sh")) {
            StringBuilder out = new StringBuilder(command);
            for (int i = 0; i < words.size(); i += 2) {
                out.append(" \\\n    ").append(words.get(i)).append(' ').append(words.get(i + 1));
            }
            instructions.add(out.toString());
        } else if (script.equals("packages.sh")) {
            // The stage's image (pinned: REF@sha256:...), then a package (pinned: NAME=VERSION)
            // to a line.
            StringBuilder out = new StringBuilder(command).append(' ').append(words.get(0));
            words.subList(1, words.size()).forEach(w -> out.append(" \\\n    ").append(w));
            instructions.add(out.toString());
        } else {
            instructions.add(oneLine);
        }
    }

    /**
     * layout.sh's data: "dir|file OWNER MODE PATH", a line each, in the plan's order (parents
     * first).
     */
    private String layoutEntries() {
        StringBuilder out = new StringBuilder();
        for (PlanEntry dir : plan.directories()) {
            out.append("dir ")
                    .append(dir.numericOwner())
                    .append(' ')
                    .append(dir.mode().octal())
                    .append(' ')
                    .append(dir.path().value())
                    .append('\n');
        }
        for (PlanEntry file : plan.files()) {
            if (file.content().orElseThrow() instanceof FileContent.Text) {
                out.append("file ")
                        .append(file.numericOwner())
                        .append(' ')
                        .append(file.mode().octal())
                        .append(' ')
                        .append(file.path().value())
                        .append('\n');
            }
        }
        return out.toString();
    }
}
