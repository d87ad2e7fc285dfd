package dev.distrogen.backend.all;

import dev.distrogen.backend.Backend;
import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.backend.GenerationException;
import dev.distrogen.backend.GenerationRequest;
import dev.distrogen.backend.KeylessSigning;
import dev.distrogen.backend.escape.GithubActions;
import dev.distrogen.backend.escape.Shell;
import dev.distrogen.backend.escape.Yaml;
import dev.distrogen.plan.HealthProbe;
import dev.distrogen.plan.ImagePlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code --target all -o DIR}: a repository skeleton in one go, the union of the other targets
 * (Dockerfile and .dockerignore, default.nix, the files they copy, IMAGE.md, k8s.yaml,
 * compose.yaml) and a GitHub Actions workflow that builds the image both ways, starts it as the
 * plan means it, scans it and, when its name has a registry, pushes, signs and attests it. A file
 * two targets both write must be the same; it is written once. The spec itself is written too, and
 * with --templates the files of the user's own targets.
 */
public final class AllBackend implements Backend {

    static final String WORKFLOW = KeylessSigning.WORKFLOW;

    private final List<Backend> parts;

    public AllBackend(List<Backend> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public String name() {
        return "all";
    }

    @Override
    public String description() {
        return "with -o DIR: every target above and a CI workflow, as a repository skeleton";
    }

    @Override
    public boolean needsBuildStage() {
        return parts.stream().anyMatch(Backend::needsBuildStage);
    }

    @Override
    public List<String> fileNames() {
        List<String> names = new ArrayList<>();
        parts.forEach(part -> names.addAll(part.fileNames()));
        names.add(WORKFLOW);
        return names;
    }

    @Override
    public boolean requiresDirectory() {
        return true;
    }

    @Override
    public List<GeneratedFile> generate(GenerationRequest request) throws GenerationException {
        Map<String, GeneratedFile> files = new LinkedHashMap<>();
        for (Backend part : parts) {
            for (GeneratedFile file : part.generate(request)) {
                GeneratedFile earlier = files.putIfAbsent(file.path(), file);
                if (earlier != null && !earlier.equals(file)) {
                    throw new GenerationException(
                            "two targets write " + file.path() + " differently");
                }
            }
        }
        files.put(WORKFLOW, GeneratedFile.text(WORKFLOW, workflow(request)));
        // The spec itself, beside the files its `from` configs name, so the skeleton regenerates
        // itself.
        request.specText()
                .ifPresent(
                        text -> {
                            String name =
                                    request.specName().endsWith(".dl")
                                            ? request.specName()
                                            : "spec.dl";
                            files.putIfAbsent(name, GeneratedFile.text(name, text));
                        });
        return new ArrayList<>(files.values());
    }

    /**
     * Builds the image with the Dockerfile and with Nix on every push and pull request, starts the
     * Dockerfile's image read-only and probes it, scans it with Trivy, checks that two builds give
     * one digest ({@link ReproducibleJob}), and on a push to main pushes it when its name has a
     * registry ({@link PushJob}). The token may only read, except in the push job.
     */
    static String workflow(GenerationRequest request) {
        ImagePlan plan = request.plan();
        Map<String, Object> push = new LinkedHashMap<>();
        push.put("branches", List.of(KeylessSigning.BRANCH));
        Map<String, Object> on = new LinkedHashMap<>();
        on.put("push", push);
        on.put("pull_request", new LinkedHashMap<>());
        String reference = GithubActions.literal(plan.reference());
        Map<String, Object> jobs = new LinkedHashMap<>();
        jobs.put(
                "dockerfile",
                job(
                        List.of(
                                Actions.checkout(),
                                Yaml.map(
                                        "name",
                                        "Build the image from the Dockerfile",
                                        "run",
                                        "docker build -t " + reference + " ."),
                                Yaml.map(
                                        "name",
                                        "Start it read-only, with a tmpfs on each dir it writes to, and probe it",
                                        "run",
                                        GithubActions.literal(smokeTest(plan))),
                                Yaml.map(
                                        "name",
                                        "Scan the image for known vulnerabilities",
                                        "uses",
                                        Actions.uses("aquasecurity/trivy-action"),
                                        "with",
                                        Yaml.map(
                                                "image-ref",
                                                reference,
                                                "exit-code",
                                                "1",
                                                "ignore-unfixed",
                                                true,
                                                "severity",
                                                "CRITICAL,HIGH")))));
        jobs.put("reproducible", ReproducibleJob.of());
        if (!plan.platforms().isEmpty()) {
            jobs.put(PlatformsJob.NAME, PlatformsJob.of(plan));
        }
        jobs.put(
                "nix",
                !plan.platforms().isEmpty()
                        ? PlatformsJob.nix(plan)
                        : job(
                                List.of(
                                        Actions.checkout(),
                                        Yaml.map("uses", Actions.uses("cachix/install-nix-action")),
                                        Yaml.map(
                                                "name",
                                                "Build the image with Nix (nixpkgs pinned in default.nix) and load it",
                                                "run",
                                                GithubActions.literal(
                                                        plan.nix().loadCommand("default.nix"))))));
        plan.registry().ifPresent(registry -> jobs.put("push", PushJob.of(plan, registry)));
        Map<String, Object> workflow = new LinkedHashMap<>();
        workflow.put("name", "image " + reference);
        workflow.put("on", on);
        workflow.put("permissions", Yaml.map("contents", "read"));
        workflow.put("jobs", jobs);
        return request.hashHeader()
                + Actions.withVersionComments(Yaml.documents(List.of(workflow)));
    }

    /**
     * Runs the image as docs, compose and k8s do (read-only root, a tmpfs per writable dir, a
     * volume per persistent one), then waits for its health check, or checks that it still runs.
     */
    static String smokeTest(ImagePlan plan) {
        String name = Shell.word(plan.names().workload());
        String options =
                plan.runOptions().stream()
                        .map(
                                option ->
                                        option.stream()
                                                .map(Shell::word)
                                                .collect(Collectors.joining(" ")))
                        .collect(Collectors.joining(" \\\n  "));
        List<String> lines = new ArrayList<>();
        lines.add(
                "docker run -d --name "
                        + name
                        + " "
                        + options
                        + " \\\n  "
                        + Shell.word(plan.reference()));
        Optional<HealthProbe> health = plan.runtime().health();
        if (health.isPresent() && health.get().kind() == HealthProbe.Kind.HTTP) {
            lines.add(
                    "curl -fsS -o /dev/null --retry 30 --retry-connrefused --retry-delay 1 "
                            + Shell.word(
                                    "http://127.0.0.1:"
                                            + health.get().port()
                                            + health.get().path().orElseThrow())
                            + " || { docker logs "
                            + name
                            + "; exit 1; }");
        } else if (health.isPresent()) {
            lines.add(
                    "timeout 30 bash -c 'until echo > /dev/tcp/127.0.0.1/"
                            + health.get().port()
                            + "; do sleep 1; done' 2>/dev/null"
                            + " || { docker logs "
                            + name
                            + "; exit 1; }");
        } else {
            lines.add(
                    "sleep 5; [ \"$(docker inspect -f '{{.State.Running}}' "
                            + name
                            + ")\" = true ] || { docker logs "
                            + name
                            + "; exit 1; }");
        }
        lines.add("docker rm -f " + name);
        return String.join("\n", lines) + "\n";
    }

    private static Map<String, Object> job(List<Object> steps) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("runs-on", "ubuntu-latest");
        job.put("steps", steps);
        return job;
    }
}
