package dev.distrogen.backend.dockerfile;

import java.util.List;

/**
 * What the Dockerfile template lays out: every line already decided and escaped. Absent values are
 * null, which the template tests with {@code ??}.
 *
 * @param runs the build stage's instructions after FROM and USER: the COPY of its scripts and
 *     layout, the COPY of the config files into the root, and the RUN of each script (named runs
 *     since before the scripts were files)
 * @param layers the build stage's folders the final stage copies, one layer each, in order
 * @param digest the reference with the digest the spec pins what runs by, or null
 * @param platforms the spec's platforms as buildx's --platform takes them
 *     ("linux/amd64,linux/arm64"), or null: the builder's own
 */
public record DockerfileView(
        String specName,
        String reference,
        String buildStageNote,
        String buildImage,
        List<String> runs,
        String baseNote,
        String baseImage,
        List<String> layers,
        String user,
        List<String> exposes,
        List<String> envs,
        String workdir,
        String stopSignal,
        List<String> labels,
        String entrypoint,
        String cmd,
        String digest,
        String platforms) {}
