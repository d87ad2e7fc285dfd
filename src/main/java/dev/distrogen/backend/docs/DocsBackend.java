package dev.distrogen.backend.docs;

import dev.distrogen.backend.Backend;
import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.backend.GenerationException;
import dev.distrogen.backend.GenerationRequest;
import dev.distrogen.backend.KeylessSigning;
import dev.distrogen.backend.escape.CommentText;
import dev.distrogen.backend.escape.Markdown;
import dev.distrogen.backend.escape.Shell;
import dev.distrogen.model.DisplayText;
import dev.distrogen.model.DockerBuilder;
import dev.distrogen.model.Platform;
import dev.distrogen.plan.Account;
import dev.distrogen.plan.FileContent;
import dev.distrogen.plan.ImageConfig;
import dev.distrogen.plan.ImagePlan;
import dev.distrogen.plan.PlanEntry;
import dev.distrogen.plan.ResourceLimits;
import dev.distrogen.plan.RuntimeOptions;
import dev.distrogen.plan.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code --target docs}: a Markdown page about the image: what it holds, how to build it both ways,
 * how to run it with a read-only root filesystem, how to debug it without a shell.
 */
public final class DocsBackend implements Backend {

    static final String FILE_NAME = "IMAGE.md";

    @Override
    public String name() {
        return "docs";
    }

    @Override
    public String description() {
        return "a Markdown page: contents, how to build, run read-only and debug the image";
    }

    @Override
    public List<String> fileNames() {
        return List.of(FILE_NAME);
    }

    @Override
    public List<GeneratedFile> generate(GenerationRequest request) throws GenerationException {
        ImagePlan plan = request.plan();
        ImageConfig config = plan.config();
        DocsView view =
                new DocsView(
                        Markdown.line(plan.reference()),
                        plan.description().map(Markdown::line).orElse(""),
                        CommentText.inHtmlComment(request.specName()),
                        facts(plan),
                        config.env().stream()
                                .map(
                                        e ->
                                                List.of(
                                                        Markdown.code(e.name()),
                                                        Markdown.code(e.value())))
                                .toList(),
                        plan.directories().stream()
                                .filter(d -> d.origin() == PlanEntry.Origin.DIR)
                                .map(
                                        d ->
                                                List.of(
                                                        Markdown.code(d.path().value()),
                                                        owner(d),
                                                        Markdown.code(d.mode().octal())))
                                .toList(),
                        plan.files().stream()
                                .filter(f -> f.origin() == PlanEntry.Origin.CONFIG)
                                .map(
                                        f ->
                                                List.of(
                                                        Markdown.code(f.path().value()),
                                                        owner(f),
                                                        Markdown.code(f.mode().octal()),
                                                        source(f)))
                                .toList(),
                        plan.reference(),
                        Shell.word(request.headerName()),
                        plan.nix().loadCommand("build/nix"),
                        runCommand(plan),
                        Shell.word(plan.names().workload()),
                        Shell.word(plan.names().container()),
                        plan.sbom(),
                        ImagePlan.SBOM_PATH,
                        plan.docker().builder() == DockerBuilder.NIX,
                        "nix-build --expr "
                                + Shell.word(
                                        "("
                                                + plan.nix().nixpkgs().expression()
                                                + ")."
                                                + plan.nix().packageAttr())
                                + " --no-out-link",
                        Shell.word(plan.pinnedReference()),
                        Shell.word("app.kubernetes.io/name=" + plan.names().workload()),
                        plan.runtime().namespace().map(ns -> " -n " + Shell.word(ns)).orElse(""),
                        kubernetesObjects(plan),
                        plan.hasPersistentDirs(),
                        plan.registry().isPresent(),
                        Shell.word(plan.name() + "@" + plan.digest().orElse("sha256:...")),
                        Shell.word(KeylessSigning.identityRegexp("OWNER/REPO")),
                        KeylessSigning.ISSUER,
                        plan.platforms().isEmpty()
                                ? null
                                : plan.platforms().stream()
                                        .map(Platform::platformName)
                                        .collect(Collectors.joining(",")),
                        plan.platforms().stream()
                                .map(
                                        p ->
                                                plan.nix()
                                                        .loadCommand(
                                                                "build/nix --argstr system "
                                                                        + p.nixSystem()))
                                .toList());
        // A page for a person to read: nothing a spec string holds may reorder or break what it
        // shows.
        return List.of(
                GeneratedFile.text(
                        FILE_NAME,
                        DisplayText.lines(request.templates().render("docs/IMAGE.md.ftl", view))));
    }

    private static List<List<String>> facts(ImagePlan plan) {
        ImageConfig config = plan.config();
        Account user = plan.user();
        List<List<String>> rows = new ArrayList<>();
        rows.add(
                List.of(
                        "Program",
                        Markdown.code(plan.docker().program())
                                + " (Dockerfile), "
                                + Markdown.code(plan.nix().program())
                                + " (Nix)"));
        plan.docker()
                .init()
                .ifPresent(
                        i ->
                                rows.add(
                                        List.of(
                                                "Init",
                                                Markdown.code(i)
                                                        + " (Dockerfile), "
                                                        + Markdown.code(
                                                                plan.nix()
                                                                        .init()
                                                                        .orElseThrow()
                                                                        .text())
                                                        + " (Nix), started as PID 1: it passes signals to the "
                                                        + "program and reaps its children")));
        rows.add(
                List.of(
                        "Arguments",
                        config.cmd().isEmpty()
                                ? "none"
                                : config.cmd().stream()
                                        .map(Markdown::code)
                                        .collect(Collectors.joining(" "))));
        String libs =
                plan.app().libs().isEmpty()
                        ? ""
                        : "; and everything under "
                                + plan.app().libs().stream()
                                        .map(l -> Markdown.code(l.value()))
                                        .collect(Collectors.joining(", "))
                                + " (loaded with dlopen), with the libraries of each: "
                                + dockerfileOnly(plan);
        rows.add(
                List.of(
                        "Libraries",
                        "the program's shared libraries and the dynamic loader, as the build stage's ldd "
                                + "finds them at build time (Nix: the package's closure)"
                                + libs));
        rows.add(List.of("Run-time libraries", runtimeLibraries(plan)));
        if (!plan.app().files().isEmpty()) {
            rows.add(
                    List.of(
                            "Other files",
                            plan.app().files().stream()
                                            .map(f -> Markdown.code(f.value()))
                                            .collect(Collectors.joining(", "))
                                    + ": "
                                    + dockerfileOnly(plan)));
        }
        plan.docker()
                .smoke()
                .ifPresent(
                        args ->
                                rows.add(
                                        List.of(
                                                "Smoke test",
                                                "the Dockerfile's build runs "
                                                        + Markdown.code(
                                                                Stream.concat(
                                                                                Stream.of(
                                                                                        plan.docker()
                                                                                                .program()),
                                                                                args.stream())
                                                                        .map(Shell::word)
                                                                        .collect(
                                                                                Collectors.joining(
                                                                                        " ")))
                                                        + " in the image's files, as its user, and fails if it exits non-zero")));
        plan.docker()
                .probe()
                .ifPresent(
                        probe ->
                                rows.add(
                                        List.of(
                                                "Build-time probe",
                                                "the Dockerfile's build starts the app in the image's files, as its user, sends it "
                                                        + probe.check().description(Markdown::code)
                                                        + " until it answers three times, and fails if it does not"
                                                        + (probe.trace()
                                                                ? "; first, a trace in the build stage adds the shared objects it loads that the image lacks"
                                                                : ""))));
        rows.add(
                List.of(
                        "User",
                        Markdown.code(user.name())
                                + " (uid "
                                + user.uid()
                                + "), group "
                                + Markdown.code(user.group())
                                + " (gid "
                                + user.gid()
                                + "); the image config says "
                                + Markdown.code(config.user())));
        rows.add(
                List.of(
                        "Accounts",
                        Markdown.code("/etc/passwd")
                                + " and "
                                + Markdown.code("/etc/group")
                                + " hold root and this user only"));
        rows.add(
                List.of(
                        "Ports",
                        config.exposedPorts().isEmpty()
                                ? "none"
                                : config.portList().stream()
                                        .map(Markdown::code)
                                        .collect(Collectors.joining(", "))));
        rows.add(List.of("Working directory", Markdown.code(config.workingDir().orElse("/"))));
        rows.add(List.of("Stop signal", Markdown.code(config.effectiveStopSignal())));
        return rows;
    }

    /**
     * What glibc loads by itself, which ldd never lists: runtime.sh adds it, or the closure has it.
     */
    private static String runtimeLibraries(ImagePlan plan) {
        String what =
                "what glibc loads by itself with dlopen, which ldd never lists: "
                        + Markdown.code("libgcc_s.so.1")
                        + " (thread exit and cancellation, C++ exceptions); every gconv converter and "
                        + Markdown.code("gconv-modules")
                        + " when a copied program or library calls iconv; "
                        + Markdown.code("libnss_files.so.2")
                        + " and "
                        + Markdown.code("libnss_dns.so.2")
                        + " on a glibc older than 2.34";
        return plan.docker().builder() == DockerBuilder.NIX
                ? what + ": the closure of glibc holds them (Nix and `builder nix`)"
                : what
                        + ": the Dockerfile's build stage adds each it has, one build-log line each with"
                        + " its reason and bytes (musl loads none of these); Nix: glibc's closure";
    }

    /**
     * Where {@code libs} and {@code files} are: an image build stage copies them, a Nix closure
     * does not.
     */
    private static String dockerfileOnly(ImagePlan plan) {
        String closure = Markdown.code("pkgs." + plan.nix().packageAttr()) + " and its closure";
        return plan.docker().builder() == DockerBuilder.NIX
                ? "in neither image (Nix and `builder nix` hold " + closure + ")"
                : "Dockerfile only (the Nix image holds " + closure + " instead)";
    }

    private static String owner(PlanEntry entry) {
        return Markdown.code(entry.owner() + ":" + entry.group())
                + " ("
                + entry.numericOwner()
                + ")";
    }

    private static String source(PlanEntry file) {
        return file.content().orElseThrow() instanceof FileContent.SourceFile source
                ? Markdown.code(source.specRelative())
                : "text in the spec";
    }

    /**
     * docker run with --read-only and a tmpfs, owned and moded as planned, on every directory the
     * app writes to (a named volume on a persistent one), as the plan's run options say.
     */
    private static String runCommand(ImagePlan plan) {
        List<String> lines = new ArrayList<>();
        lines.add("docker run --rm --name " + Shell.word(plan.names().workload()));
        for (List<String> option : plan.runOptions()) {
            lines.add(option.stream().map(Shell::word).collect(Collectors.joining(" ")));
        }
        lines.add(Shell.word(plan.pinnedReference()));
        return String.join(" \\\n  ", lines);
    }

    private static String kubernetesObjects(ImagePlan plan) {
        RuntimeOptions runtime = plan.runtime();
        List<String> objects = new ArrayList<>();
        List<VolumeMount> claims = plan.mounts().stream().filter(VolumeMount::persistent).toList();
        List<VolumeMount> emptyDirs = plan.mounts().stream().filter(m -> !m.persistent()).toList();
        objects.add(
                runtime.workload() == RuntimeOptions.Workload.DEPLOYMENT
                        ? "a Deployment"
                        : sizes(claims)
                                .map(
                                        sizes ->
                                                "a StatefulSet (a PersistentVolumeClaim for each persistent dir: "
                                                        + sizes
                                                        + ")")
                                .orElse(
                                        "a StatefulSet (a PersistentVolumeClaim of "
                                                + VolumeMount.CLAIM_SIZE.kubernetes()
                                                + " for each persistent dir)"));
        if (runtime.service()) {
            objects.add("a Service");
        }
        objects.add(
                "a NetworkPolicy that admits ingress only to "
                        + (plan.config().exposedPorts().isEmpty() ? "no port" : "its ports"));
        if (runtime.disruptionBudget()) {
            objects.add(
                    "a PodDisruptionBudget (one of its "
                            + runtime.replicas()
                            + " replicas down at a time)");
        }
        String emptyDirLimits =
                emptyDirs.isEmpty()
                        ? ""
                        : sizes(emptyDirs)
                                .map(sizes -> "; its emptyDirs hold at most " + sizes)
                                .orElse(
                                        "; each emptyDir holds at most "
                                                + Markdown.code(
                                                        VolumeMount.EMPTY_DIR_SIZE.kubernetes()));
        ResourceLimits r = runtime.resources();
        String probe =
                runtime.health()
                        .map(
                                h ->
                                        probes(runtime.probes())
                                                + " make "
                                                + h.description(Markdown::code)
                                                + ". ")
                        .orElse("No probes: the spec declares no health check and no tcp port. ");
        return String.join(", ", objects)
                + ". "
                + probe
                + "The container asks for "
                + Markdown.code(r.cpuRequest())
                + " CPU and "
                + Markdown.code(r.memoryRequest())
                + " memory, and may use at most "
                + Markdown.code(r.cpuLimit())
                + " and "
                + Markdown.code(r.memoryLimit())
                + emptyDirLimits
                + "; it gets "
                + runtime.stopGraceSeconds()
                + " s to stop after "
                + Markdown.code(plan.config().effectiveStopSignal())
                + ".";
    }

    /**
     * "Startup (every 5 s, up to 60 times), readiness (every 10 s) and liveness (every 20 s)
     * probes".
     */
    private static String probes(List<RuntimeOptions.Probe> probes) {
        List<String> each =
                probes.stream()
                        .map(
                                p ->
                                        p.role()
                                                + " (every "
                                                + p.periodSeconds()
                                                + " s"
                                                + (p.role().equals("startup")
                                                        ? ", up to "
                                                                + p.failureThreshold()
                                                                + " times"
                                                        : "")
                                                + ")")
                        .toList();
        String joined =
                each.size() == 1
                        ? each.get(0)
                        : String.join(", ", each.subList(0, each.size() - 1))
                                + " and "
                                + each.get(each.size() - 1);
        return Character.toUpperCase(joined.charAt(0)) + joined.substring(1) + " probes";
    }

    /**
     * "`/var/lib/redis` `2Gi`, `/run` `256Mi`": each volume's path and its size in Kubernetes, when
     * the spec sizes one of them; empty when all have their kind's default.
     */
    private static Optional<String> sizes(List<VolumeMount> mounts) {
        if (mounts.stream().allMatch(m -> m.size().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(
                mounts.stream()
                        .map(
                                m ->
                                        Markdown.code(m.path())
                                                + " "
                                                + Markdown.code(m.kubernetesSize().kubernetes()))
                        .collect(Collectors.joining(", ")));
    }
}
