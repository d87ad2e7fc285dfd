package dev.distrogen.backend.all;

import static dev.distrogen.backend.all.Actions.uses;

import dev.distrogen.backend.escape.GithubActions;
import dev.distrogen.backend.escape.Shell;
import dev.distrogen.backend.escape.Yaml;
import dev.distrogen.plan.ImagePlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workflow's push job, on a push to main: build and push with BuildKit, sign the pushed digest
 * keylessly with cosign (Sigstore certifies the job's OIDC token: no key to keep), attach the
 * image's SBOM as a signed attestation, attest its build provenance, and print the digest a
 * deployment should pin. Only this job may write packages and mint an OIDC token.
 */
final class PushJob {

    static final String DIGEST = "${{ steps.push.outputs.digest }}";
    private static final String SBOM_FILE = "sbom.cdx.json";

    private PushJob() {}

    static Map<String, Object> of(ImagePlan plan, String registry) {
        boolean ghcr = registry.equals("ghcr.io");
        String pushed = Shell.word(plan.name()) + "@\"$DIGEST\"";
        List<Object> steps = new ArrayList<>(List.of(Actions.checkout()));
        if (plan.platforms().isEmpty()) {
            steps.add(Yaml.map("uses", uses("docker/setup-buildx-action")));
        } else {
            steps.addAll(PlatformsJob.setup(plan));
        }
        steps.addAll(
                List.of(
                        Yaml.map(
                                "uses",
                                uses("docker/login-action"),
                                "with",
                                Yaml.map(
                                        "registry",
                                        GithubActions.literal(registry),
                                        "username",
                                        ghcr
                                                ? "${{ github.actor }}"
                                                : "${{ secrets.REGISTRY_USERNAME }}",
                                        "password",
                                        ghcr
                                                ? "${{ secrets.GITHUB_TOKEN }}"
                                                : "${{ secrets.REGISTRY_PASSWORD }}")),
                        Yaml.map(
                                "id",
                                "push",
                                "uses",
                                uses("docker/build-push-action"),
                                "with",
                                pushInputs(plan)),
                        Yaml.map("uses", uses("sigstore/cosign-installer")),
                        digestStep(
                                "Sign the pushed digest keylessly, as this workflow (the job's OIDC token)",
                                "cosign sign --yes " + pushed)));
        if (plan.sbom()) {
            steps.add(
                    Yaml.map(
                            "name",
                            "Write the image's SBOM from the package metadata it carries",
                            "uses",
                            uses("aquasecurity/trivy-action"),
                            "with",
                            Yaml.map(
                                    "scan-type",
                                    "image",
                                    "image-ref",
                                    GithubActions.literal(plan.name()) + "@" + DIGEST,
                                    "format",
                                    "cyclonedx",
                                    "output",
                                    SBOM_FILE)));
            steps.add(
                    digestStep(
                            "Attach the SBOM to the digest as a signed attestation",
                            "cosign attest --yes --type cyclonedx --predicate "
                                    + SBOM_FILE
                                    + " "
                                    + pushed));
        }
        steps.add(
                Yaml.map(
                        "name",
                        "Attest the build's provenance (SLSA) and push it beside the image",
                        "uses",
                        uses("actions/attest-build-provenance"),
                        "with",
                        Yaml.map(
                                "subject-name",
                                GithubActions.literal(plan.name()),
                                "subject-digest",
                                DIGEST,
                                "push-to-registry",
                                true)));
        steps.add(
                digestStep(
                        "Print the digest to pin (image \"NAME\" tag \"TAG\" digest \"sha256:...\")",
                        "echo \"pushed " + Shell.word(plan.reference()) + "@$DIGEST\""));
        Map<String, Object> job = new LinkedHashMap<>();
        job.put(
                "needs",
                plan.platforms().isEmpty()
                        ? List.of("dockerfile", "reproducible", "nix")
                        : List.of("dockerfile", "reproducible", PlatformsJob.NAME, "nix"));
        job.put("if", "github.event_name == 'push'");
        job.put("runs-on", "ubuntu-latest");
        job.put(
                "permissions",
                Yaml.map(
                        "contents",
                        "read",
                        "packages",
                        "write",
                        "id-token",
                        "write",
                        "attestations",
                        "write"));
        job.put("steps", steps);
        return job;
    }

    /**
     * build-push-action's inputs: every platform of the spec into one index, when it names some.
     */
    private static Map<String, Object> pushInputs(ImagePlan plan) {
        Map<String, Object> with = new LinkedHashMap<>();
        with.put("context", ".");
        if (!plan.platforms().isEmpty()) {
            with.put("platforms", PlatformsJob.platformList(plan));
        }
        with.put("push", true);
        with.put("tags", GithubActions.literal(plan.reference()));
        return with;
    }

    /**
     * A shell step that reads the pushed digest from $DIGEST, never from an expression in the
     * script.
     */
    private static Map<String, Object> digestStep(String name, String run) {
        return Yaml.map(
                "name", name, "env", Yaml.map("DIGEST", DIGEST), "run", GithubActions.literal(run));
    }
}
