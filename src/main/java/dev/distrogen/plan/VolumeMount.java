package dev.distrogen.plan;

import dev.distrogen.model.DirSize;
import java.util.Objects;
import java.util.Optional;

/**
 * A directory the app writes to, on a read-only root: a tmpfs (an emptyDir) that starts empty on
 * every start, or, when the spec says {@code persistent}, a volume that keeps its data.
 *
 * @param volume its name in the pod and the Compose file, a DNS label unique in the image
 * @param runName the name of the Docker volume that keeps a persistent dir's data: WORKLOAD-VOLUME,
 *     the same for {@code docker run -v} and Compose (which would otherwise prefix its project's)
 * @param size the spec's {@code size}: the most the volume holds
 */
public record VolumeMount(
        PlanEntry dir, String volume, String runName, boolean persistent, Optional<DirSize> size) {

    /** Without a size: the most an emptyDir holds before the pod is evicted. */
    public static final DirSize EMPTY_DIR_SIZE = new DirSize(256, 'M');

    /** Without a size: what a persistent dir's volume claim asks for. */
    public static final DirSize CLAIM_SIZE = new DirSize(1, 'G');

    public VolumeMount {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(runName, "runName");
        Objects.requireNonNull(size, "size");
    }

    /** The mount point: "/var/cache/nginx". */
    public String path() {
        return dir.path().value();
    }

    /** Its size in Kubernetes, which always has one: the spec's, or the default of its kind. */
    public DirSize kubernetesSize() {
        return size.orElse(persistent ? CLAIM_SIZE : EMPTY_DIR_SIZE);
    }

    /**
     * Options of a tmpfs with the planned owner and mode, and the spec's size if it has one
     * (without, Docker bounds a tmpfs by memory only): "uid=10001,gid=10001,mode=0750,size=64m".
     */
    public String tmpfsOptions() {
        return "uid="
                + dir.uid()
                + ",gid="
                + dir.gid()
                + ",mode="
                + dir.mode().octal()
                + size.map(s -> ",size=" + s.tmpfs()).orElse("");
    }
}
