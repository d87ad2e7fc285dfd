package dev.distrogen.plan;

import java.util.Objects;

/**
 * What the Dockerfile's build stage proves before an image exists: it starts the image's entrypoint
 * in the collected root, as the image's user with the image's environment, sends it {@code check} a
 * few times, and stops it with the stop signal; the build fails when it does not answer or dies.
 *
 * @param check the spec's declared health check, sent on 127.0.0.1
 * @param trace whether the program first runs in the build stage's own files with the check, while
 *     the shared objects it loads are recorded, and those the root lacks are added to it
 */
public record BuildProbe(HealthProbe check, boolean trace) {

    public BuildProbe {
        Objects.requireNonNull(check, "check");
    }
}
