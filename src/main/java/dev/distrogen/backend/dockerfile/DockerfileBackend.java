package dev.distrogen.backend.dockerfile;

import dev.distrogen.backend.Backend;
import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.backend.GenerationException;
import dev.distrogen.backend.GenerationRequest;
import dev.distrogen.backend.SourceCopies;
import dev.distrogen.backend.escape.DockerfileText;
import dev.distrogen.backend.escape.Json;
import dev.distrogen.backend.escape.Shell;
import dev.distrogen.model.ContainerPath;
import dev.distrogen.model.DockerBase;
import dev.distrogen.model.DockerBuilder;
import dev.distrogen.plan.FileContent;
import dev.distrogen.plan.ImageConfig;
import dev.distrogen.plan.ImagePlan;
import dev.distrogen.plan.PlanEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --target dockerfile}: a multi-stage Dockerfile. The build stage gathers the program,
 * what it loads, their shared libraries (by the stage's own ldd) and the plan's layout into
 * /distrogen/root; the final stage, scratch or distroless, copies that root, then the config
 * files with numeric owner and mode, and sets the image config. Spec strings reach the file only
 * single-quoted in RUN, JSON-escaped in exec form, or escaped for ENV, LABEL, COPY and WORKDIR.
 */
public final class DockerfileBackend implements Backend {

    /** The build stage of {@code builder nix} when the spec names none. */
    public static final String NIX_IMAGE = "nixos/nix:latest";
    static final String FILE_NAME = "Dockerfile";
    static final String IGNORE_FILE = ".dockerignore";

    @Override
    public String name() {
        return "dockerfile";
    }

    @Override
    public String description() {
        return "a multi-stage Dockerfile: build stage, then FROM scratch or distroless";
    }

    @Override
    public List<String> fileNames() {
        return List.of(FILE_NAME, IGNORE_FILE);
    }

    @Override
    public List<GeneratedFile> generate(GenerationRequest request) throws GenerationException {
        ImagePlan plan = request.plan();
        DockerBuilder builder = plan.docker().builder();
        String buildImage = buildImage(request);
        String baseImage = request.overrides().base().orElse(plan.docker().baseImage());
        ImageConfig config = plan.config();
        DockerfileView view = new DockerfileView(
                request.headerName(),
                plan.reference(),
                builder == DockerBuilder.NIX ? "nixpkgs' " + plan.nix().packageAttr() + " installed with nix-env"
                        : plan.docker().packages().isEmpty() ? "an image that holds the app; its own ldd finds the shared libraries"
                        : "an image whose own package manager installs the app; its own ldd finds the shared libraries",
                buildImage,
                runs(plan, buildImage),
                baseNote(plan, request),
                baseImage,
                sourceFiles(plan).stream().map(DockerfileBackend::copy).toList(),
                config.user(),
                config.portList(),
                config.env().stream().map(e -> e.name() + "=" + DockerfileText.quotedValue(e.value())).toList(),
                // Always set: a base such as distroless :nonroot would hand down its own (/home/nonroot, 0700).
                DockerfileText.workdir(config.workingDir().orElse("/")),
                config.stopSignal().orElse(null),
                config.labels().entrySet().stream()
                        .map(e -> DockerfileText.quotedValue(e.getKey()) + "=" + DockerfileText.quotedValue(e.getValue()))
                        .toList(),
                Json.array(plan.docker().entrypoint()),
                config.cmd().isEmpty() ? null : Json.array(config.cmd()),
                plan.digest().map(d -> plan.pinnedReference()).orElse(null));
        List<GeneratedFile> files = new ArrayList<>();
        files.add(GeneratedFile.text(FILE_NAME, request.templates().render("dockerfile/Dockerfile.ftl", view)));
        if (request.toDirectory()) {
            files.add(GeneratedFile.text(IGNORE_FILE, dockerignore(plan)));
            files.addAll(SourceCopies.of(plan));
        }
        return files;
    }

    private static String buildImage(GenerationRequest request) throws GenerationException {
        ImagePlan plan = request.plan();
        if (request.overrides().from().isPresent()) {
            return request.overrides().from().get();
        }
        if (plan.docker().from().isPresent()) {
            return plan.docker().from().get();
        }
        if (plan.docker().builder() == DockerBuilder.NIX) {
            return NIX_IMAGE;
        }
        throw new GenerationException("the Dockerfile needs a build stage that holds the app: add docker { from \"IMAGE\" } "
                + "to the spec, or pass --from IMAGE");
    }

    /** The build stage's RUNs: the spec's packages, the collection, the layout, the smoke test. */
    private static List<String> runs(ImagePlan plan, String buildImage) {
        List<String> runs = new ArrayList<>();
        if (!plan.docker().packages().isEmpty()) {
            StringBuilder call = new StringBuilder("dg_packages " + Shell.quote(buildImage));
            plan.docker().packages().forEach(p -> call.append(' ').append(Shell.quote(p)));
            runs.add(new RunInstruction().library("packages.sh").line(call + ";").render());
        }
        runs.add(collect(plan).render());
        runs.add(layout(plan).render());
        plan.docker().smoke().ifPresent(args -> runs.add(smoke(plan, args).render()));
        return runs;
    }

    /** The program, run as the image's user with the image's env only, inside the collected root. */
    private static RunInstruction smoke(ImagePlan plan, List<String> args) {
        StringBuilder call = new StringBuilder("dg_smoke " + Shell.quote(plan.config().user()));
        plan.config().envList().forEach(e -> call.append(' ').append(Shell.quote(e)));
        call.append(" -- ").append(Shell.quote(plan.docker().program()));
        args.forEach(a -> call.append(' ').append(Shell.quote(a)));
        return new RunInstruction().library("smoke.sh").line(call + ";");
    }

    private static RunInstruction collect(ImagePlan plan) {
        if (plan.docker().builder() == DockerBuilder.NIX) {
            RunInstruction run = new RunInstruction().library("nix-collect.sh");
            metadataLibraries(plan, run, "sbom.sh");
            run.line("dg_nix " + Shell.quote(plan.nix().packageAttr()) + ";");
            plan.nix().init().ifPresent(init -> run.line("dg_nix " + Shell.quote(init.packageAttr()) + ";"));
            return plan.sbom() ? run.line("dg_nix_sbom;") : run;
        }
        RunInstruction run = new RunInstruction().library("collect.sh").library("runtime.sh").library("sizes.sh");
        metadataLibraries(plan, run, "sbom.sh", "metadata.sh");
        List<String> declared = new ArrayList<>();
        declared.add("app " + Shell.quote(plan.app().binary().value()));
        plan.app().init().ifPresent(init -> declared.add("init " + Shell.quote(init.value())));
        plan.app().libs().forEach(lib -> declared.add("libs " + Shell.quote(lib.value())));
        plan.app().files().forEach(file -> declared.add("files " + Shell.quote(file.value())));
        for (String item : declared) {
            // init is collected as the program is: dg_app.
            run.line("dg_" + item.replaceFirst("^init ", "app ") + ";");
        }
        // What the C library loads by itself (libgcc_s, gconv, NSS modules), which ldd never lists.
        run.line("dg_runtime;");
        if (plan.sbom()) {
            run.line("dg_metadata;");
        }
        return run.line("dg_sizes " + String.join(" ", declared) + ";");
    }

    /** With {@code sbom on}: the scanner-metadata scripts, and where the image holds its SBOM. */
    private static void metadataLibraries(ImagePlan plan, RunInstruction run, String... libraries) {
        if (!plan.sbom()) {
            return;
        }
        for (String library : libraries) {
            run.library(library);
        }
        run.line("DG_SBOM=" + Shell.quote(ImagePlan.SBOM_PATH) + ";");
    }

    /** The plan's directories, then the files whose text distrogen knows, each with owner and mode. */
    private static RunInstruction layout(ImagePlan plan) {
        RunInstruction run = new RunInstruction().library("layout.sh");
        for (PlanEntry dir : plan.directories()) {
            run.line("dg_dir " + Shell.quote(dir.path().value()) + " " + dir.numericOwner() + " " + dir.mode().octal() + ";");
        }
        for (PlanEntry file : plan.files()) {
            if (file.content().orElseThrow() instanceof FileContent.Text text) {
                writeText(run, file.path().value(), text.text());
                run.line("dg_own " + Shell.quote(file.path().value()) + " " + file.numericOwner() + " "
                        + file.mode().octal() + ";");
            }
        }
        return run;
    }

    /** printf, one line of text a word; the last without its line break when the text has none. */
    private static void writeText(RunInstruction run, String path, String text) {
        String target = "> \"$R\"" + Shell.quote(path) + ";";
        if (text.isEmpty()) {
            run.line(": " + target);
            return;
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        String last = lines.remove(lines.size() - 1);
        boolean endsWithNewline = last.isEmpty();
        if (!endsWithNewline && lines.isEmpty()) {
            run.line("printf '%s' " + Shell.quote(last) + " " + target);
            return;
        }
        run.line((endsWithNewline ? "" : "{ ") + "printf '%s\\n'");
        lines.forEach(l -> run.line("    " + Shell.quote(l)));
        if (endsWithNewline) {
            run.line("    " + target);
        } else {
            run.line("    ; printf '%s' " + Shell.quote(last) + "; } " + target);
        }
    }

    private static List<PlanEntry> sourceFiles(ImagePlan plan) {
        return plan.files().stream().filter(f -> f.content().orElseThrow() instanceof FileContent.SourceFile).toList();
    }

    private static String copy(PlanEntry file) {
        FileContent.SourceFile source = (FileContent.SourceFile) file.content().orElseThrow();
        return "COPY --chown=" + file.numericOwner() + " --chmod=" + file.mode().octal() + " ["
                + DockerfileText.copyPath(source.specRelative()) + ", " + DockerfileText.copyPath(file.path().value()) + "]";
    }

    private static String baseNote(ImagePlan plan, GenerationRequest request) {
        if (request.overrides().base().isPresent()) {
            return "given on the command line; its /etc/passwd and /etc/group are replaced";
        }
        if (plan.docker().base().filter(b -> b == DockerBase.SCRATCH).isPresent()) {
            return "scratch, so it holds nothing but what is copied here";
        }
        return "distroless, without shell or package manager; its /etc/passwd and /etc/group are replaced";
    }

    /** The build context holds only what the Dockerfile copies. */
    private static String dockerignore(ImagePlan plan) {
        StringBuilder out = new StringBuilder("# Generated by distrogen: the build context is only what the Dockerfile copies.\n*\n");
        sourceFiles(plan).stream()
                .map(f -> ((FileContent.SourceFile) f.content().orElseThrow()).specRelative())
                .distinct()
                .sorted()
                .forEach(name -> out.append('!').append(name).append('\n'));
        return out.toString();
    }
}
