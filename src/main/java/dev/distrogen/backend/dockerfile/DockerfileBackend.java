package dev.distrogen.backend.dockerfile;

import dev.distrogen.backend.Backend;
import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.backend.GenerationException;
import dev.distrogen.backend.GenerationRequest;
import dev.distrogen.backend.SourceCopies;
import dev.distrogen.backend.escape.DockerfileText;
import dev.distrogen.backend.escape.Json;
import dev.distrogen.model.DockerBase;
import dev.distrogen.model.DockerBuilder;
import dev.distrogen.model.Platform;
import dev.distrogen.plan.FileContent;
import dev.distrogen.plan.ImageConfig;
import dev.distrogen.plan.ImagePlan;
import dev.distrogen.plan.PlanEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --target dockerfile}: a multi-stage Dockerfile. The build stage gathers the program, what
 * it loads, their shared libraries (by the stage's own ldd) and the plan's layout into
 * /distrogen/root, with the scripts it writes into distrogen/ beside the Dockerfile, copies the
 * config files into it with numeric owner and mode, and, when the spec declares a health check,
 * proves that the app serves from it; last it splits the root into three folders, which the final
 * stage, scratch or distroless, copies as three layers (the shared libraries, the app, its
 * configs), and sets the image config. Spec strings reach the file only as single shell words in
 * RUN, as layout data, JSON-escaped in exec form, or escaped for ENV, LABEL, COPY and WORKDIR.
 */
public final class DockerfileBackend implements Backend {

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
    public boolean needsBuildStage() {
        return true;
    }

    @Override
    public List<String> fileNames() {
        return List.of(FILE_NAME, IGNORE_FILE, BuildStage.FOLDER);
    }

    @Override
    public List<GeneratedFile> generate(GenerationRequest request) throws GenerationException {
        ImagePlan plan = request.plan();
        DockerBuilder builder = plan.docker().builder();
        // The command line reports a missing build stage (DG087) before it gets here; a plan built
        // for other targets may lack one.
        String buildImage =
                plan.docker()
                        .from()
                        .orElseThrow(
                                () ->
                                        new GenerationException(
                                                "no build stage (DG087): "
                                                        + "add docker { from \"IMAGE\" } to the spec, or pass --from IMAGE"));
        String baseImage = plan.docker().baseImage();
        ImageConfig config = plan.config();
        BuildStage stage = BuildStage.of(plan, buildImage);
        DockerfileView view =
                new DockerfileView(
                        request.headerName(),
                        plan.reference(),
                        builder == DockerBuilder.NIX
                                ? "nixpkgs' " + plan.nix().packageAttr() + " installed with nix-env"
                                : plan.docker().packages().isEmpty()
                                        ? "an image that holds the app; its own ldd finds the shared libraries"
                                        : "an image whose own package manager installs the app; its own ldd finds the shared libraries",
                        buildImage,
                        stage.instructions(),
                        baseNote(plan),
                        baseImage,
                        BuildStage.LAYER_FOLDERS,
                        config.user(),
                        config.portList(),
                        config.env().stream()
                                .map(e -> e.name() + "=" + DockerfileText.quotedValue(e.value()))
                                .toList(),
                        // Always set: a base such as distroless :nonroot would hand down its own
                        // (/home/nonroot, 0700).
                        DockerfileText.workdir(config.workingDir().orElse("/")),
                        config.stopSignal().orElse(null),
                        config.labels().entrySet().stream()
                                .map(
                                        e ->
                                                DockerfileText.quotedValue(e.getKey())
                                                        + "="
                                                        + DockerfileText.quotedValue(e.getValue()))
                                .toList(),
                        Json.array(plan.docker().entrypoint()),
                        config.cmd().isEmpty() ? null : Json.array(config.cmd()),
                        plan.digest().map(d -> plan.pinnedReference()).orElse(null),
                        plan.platforms().isEmpty() ? null : platformList(plan));
        List<GeneratedFile> files = new ArrayList<>();
        files.add(
                GeneratedFile.text(
                        FILE_NAME, request.templates().render("dockerfile/Dockerfile.ftl", view)));
        if (request.toDirectory()) {
            files.add(GeneratedFile.text(IGNORE_FILE, dockerignore(plan)));
            files.addAll(stage.files());
            files.addAll(SourceCopies.of(plan));
        }
        return files;
    }

    private static List<PlanEntry> sourceFiles(ImagePlan plan) {
        return plan.files().stream()
                .filter(f -> f.content().orElseThrow() instanceof FileContent.SourceFile)
                .toList();
    }

    private static String baseNote(ImagePlan plan) {
        if (plan.docker().base().isEmpty()) {
            return "an image of your choosing; its /etc/passwd and /etc/group are replaced";
        }
        if (plan.docker().base().get() == DockerBase.SCRATCH) {
            return "scratch, so it holds nothing but what is copied here";
        }
        return "distroless, without shell or package manager; its /etc/passwd and /etc/group are replaced";
    }

    /** The build context holds only what the Dockerfile copies. */
    private static String dockerignore(ImagePlan plan) {
        StringBuilder out =
                new StringBuilder(
                        "# Generated by distrogen: the build context is only what the Dockerfile copies.\n*\n!"
                                + BuildStage.FOLDER
                                + "\n");
        sourceFiles(plan).stream()
                .map(f -> ((FileContent.SourceFile) f.content().orElseThrow()).specRelative())
                .distinct()
                .sorted()
                .forEach(name -> out.append('!').append(name).append('\n'));
        return out.toString();
    }

    /** "linux/amd64,linux/arm64": the spec's platforms as --platform takes them. */
    static String platformList(ImagePlan plan) {
        return plan.platforms().stream()
                .map(Platform::platformName)
                .collect(java.util.stream.Collectors.joining(","));
    }
}
