package dev.distrogen.backend.all;

import dev.distrogen.backend.escape.Yaml;
import java.util.Map;

/**
 * Every action the workflow uses, pinned by the full commit of a release tag (a tag can be moved; a
 * commit cannot), each read from the action's own repository, with its version.
 */
final class Actions {

    static final Map<String, String> PINS =
            Map.of(
                    "actions/checkout", "11d5960a326750d5838078e36cf38b85af677262 v4.4.0",
                    "cachix/install-nix-action",
                            "630ae543ea3a38a9a4166f03376c02c50f408342 v31.11.0",
                    "aquasecurity/trivy-action", "ed142fd0673e97e23eac54620cfb913e5ce36c25 v0.36.0",
                    "docker/setup-qemu-action", "96fe6ef7f33517b61c61be40b68a1882f3264fb8 v4.2.0",
                    "docker/setup-buildx-action", "37fe631027851001ddb9b187196cc803df7f5f0e v4.3.0",
                    "docker/login-action", "4907a6ddec9925e35a0a9e82d7399ccc52663121 v4.1.0",
                    "docker/build-push-action", "53b7df96c91f9c12dcc8a07bcb9ccacbed38856a v7.3.0",
                    "sigstore/cosign-installer", "6f9f17788090df1f26f669e9d70d6ae9567deba6 v4.1.2",
                    "actions/attest-build-provenance",
                            "a2bbfa25375fe432b6a289bc6b6cd05ecd0c4c32 v4.1.0");

    private Actions() {}

    /** "owner/name@COMMIT". */
    static String uses(String action) {
        return action + "@" + PINS.get(action).split(" ")[0];
    }

    /** The YAML with each pinned {@code uses:} line followed by its version as a comment. */
    static String withVersionComments(String yaml) {
        for (Map.Entry<String, String> action : PINS.entrySet()) {
            String[] pin = action.getValue().split(" ");
            yaml =
                    yaml.replace(
                            "uses: " + action.getKey() + "@" + pin[0] + "\n",
                            "uses: " + action.getKey() + "@" + pin[0] + " # " + pin[1] + "\n");
        }
        return yaml;
    }

    /** A checkout that leaves no token behind in .git/config for later steps. */
    static Map<String, Object> checkout() {
        return Yaml.map(
                "uses", uses("actions/checkout"), "with", Yaml.map("persist-credentials", false));
    }
}
