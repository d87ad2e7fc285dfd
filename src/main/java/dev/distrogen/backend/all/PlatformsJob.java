package dev.distrogen.backend.all;

import static dev.distrogen.backend.all.Actions.uses;

import dev.distrogen.backend.escape.GithubActions;
import dev.distrogen.backend.escape.Yaml;
import dev.distrogen.model.Platform;
import dev.distrogen.plan.ImagePlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The workflow's parts for a spec's {@code platforms}: BuildKit builds every platform from the one
 * Dockerfile, with QEMU (docker/setup-qemu-action) running the build stage of the platforms the
 * runner is not; the push job pushes them as one index; Nix builds each system in a matrix.
 */
final class PlatformsJob {

    static final String NAME = "platforms";

    private PlatformsJob() {}

    /** "linux/amd64,linux/arm64": what buildx and build-push-action's {@code platforms} take. */
    static String platformList(ImagePlan plan) {
        return plan.platforms().stream()
                .map(Platform::platformName)
                .collect(Collectors.joining(","));
    }

    /** QEMU and buildx, the steps before a build for several platforms. */
    static List<Object> setup(ImagePlan plan) {
        return List.of(
                Yaml.map(
                        "name",
                        "Register QEMU for the platforms the runner does not run natively",
                        "uses",
                        uses("docker/setup-qemu-action"),
                        "with",
                        Yaml.map("platforms", platformList(plan))),
                Yaml.map("uses", uses("docker/setup-buildx-action")));
    }

    /** On every push and pull request: every platform builds (nothing is pushed). */
    static Map<String, Object> of(ImagePlan plan) {
        List<Object> steps = new ArrayList<>();
        steps.add(Actions.checkout());
        steps.addAll(setup(plan));
        steps.add(
                Yaml.map(
                        "name",
                        "Build the image for each of its platforms, as one index",
                        "uses",
                        uses("docker/build-push-action"),
                        "with",
                        Yaml.map(
                                "context",
                                ".",
                                "platforms",
                                platformList(plan),
                                "push",
                                false,
                                "tags",
                                GithubActions.literal(plan.reference()))));
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("runs-on", "ubuntu-latest");
        job.put("steps", steps);
        return job;
    }

    /**
     * The Nix job for several systems: a matrix, each system built with {@code --argstr system}; a
     * system the runner is not is run by QEMU (Nix's extra-platforms).
     */
    static Map<String, Object> nix(ImagePlan plan) {
        List<String> systems = plan.platforms().stream().map(Platform::nixSystem).toList();
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("runs-on", "ubuntu-latest");
        job.put("strategy", Yaml.map("fail-fast", false, "matrix", Yaml.map("system", systems)));
        job.put(
                "steps",
                List.of(
                        Actions.checkout(),
                        Yaml.map(
                                "if",
                                "matrix.system != 'x86_64-linux'",
                                "uses",
                                uses("docker/setup-qemu-action"),
                                "with",
                                Yaml.map("platforms", platformList(plan))),
                        Yaml.map(
                                "uses",
                                uses("cachix/install-nix-action"),
                                "with",
                                Yaml.map(
                                        "extra_nix_config",
                                        "extra-platforms = ${{ matrix.system }}")),
                        Yaml.map(
                                "name",
                                "Build the image with Nix for the system (nixpkgs pinned in default.nix) and load it",
                                "env",
                                Yaml.map("SYSTEM", "${{ matrix.system }}"),
                                "run",
                                GithubActions.literal(
                                        plan.nix()
                                                .loadCommand(
                                                        "default.nix --argstr system \"$SYSTEM\"")))));
        return job;
    }
}
