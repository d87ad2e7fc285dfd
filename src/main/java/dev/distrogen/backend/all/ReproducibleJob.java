package dev.distrogen.backend.all;

import static dev.distrogen.backend.all.Actions.uses;

import dev.distrogen.backend.escape.Yaml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workflow's reproducibility check: BuildKit builds the Dockerfile twice without its cache,
 * once from the checkout and once from a copy whose every file has another time, with
 * SOURCE_DATE_EPOCH the commit's time and {@code rewrite-timestamp=true} (which sets every file
 * time in the layers to it), and fails unless both builds have the same digest.
 */
final class ReproducibleJob {

    static final String SCRIPT =
            String.join(
                    "\n",
                    "SOURCE_DATE_EPOCH=\"$(git log -1 --format=%ct)\"",
                    "export SOURCE_DATE_EPOCH",
                    "cp -a . \"$RUNNER_TEMP/second\"",
                    "find \"$RUNNER_TEMP/second\" -exec touch -h -d @1000000000 {} +",
                    "for build in first second; do",
                    "  context=.; [ \"$build\" = first ] || context=\"$RUNNER_TEMP/second\"",
                    "  docker buildx build --no-cache --provenance=false --sbom=false --build-arg SOURCE_DATE_EPOCH \\",
                    "    --output \"type=oci,dest=$RUNNER_TEMP/$build.tar,rewrite-timestamp=true\" \\",
                    "    --metadata-file \"$RUNNER_TEMP/$build.json\" \"$context\"",
                    "done",
                    "first=$(jq -r '.\"containerimage.digest\"' \"$RUNNER_TEMP/first.json\")",
                    "second=$(jq -r '.\"containerimage.digest\"' \"$RUNNER_TEMP/second.json\")",
                    "echo \"first build: $first; second build, other file times: $second\"",
                    "[ \"$first\" = \"$second\" ] || { echo \"the image is not reproducible: the digests differ\" >&2; exit 1; }",
                    "");

    private ReproducibleJob() {}

    static Map<String, Object> of() {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("runs-on", "ubuntu-latest");
        job.put(
                "steps",
                List.of(
                        Actions.checkout(),
                        Yaml.map("uses", uses("docker/setup-buildx-action")),
                        Yaml.map(
                                "name",
                                "Build the image twice, from checkouts with different file times, and compare the digests",
                                "run",
                                SCRIPT)));
        return job;
    }
}
