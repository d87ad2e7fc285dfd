package dev.distrogen.plan;

import java.util.Objects;

/**
 * A directory the app writes to, on a read-only root: a tmpfs (an emptyDir) that starts empty on
 * every start, or, when the spec says {@code persistent}, a volume that keeps its data.
 *
 * @param volume its name, a DNS label unique in the image, the same in every target
 */
public record VolumeMount(PlanEntry dir, String volume, boolean persistent) {

    public VolumeMount {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(volume, "volume");
    }

    /** The mount point: "/var/cache/nginx". */
    public String path() {
        return dir.path().value();
    }

    /** Options of a tmpfs with the planned owner and mode: "uid=10001,gid=10001,mode=0750". */
    public String tmpfsOptions() {
        return "uid=" + dir.uid() + ",gid=" + dir.gid() + ",mode=" + dir.mode().octal();
    }
}
