package dev.distrogen.plan;

import java.util.Objects;

/**
 * The names every target gives the running image, decided once so that they agree: the Kubernetes
 * workload and the name of a `docker run` container (from the image's name, without its registry
 * and path) and the container inside a pod (from the app's name), both DNS labels.
 */
public record ResourceNames(String workload, String container) {

    public ResourceNames {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(container, "container");
    }

    static ResourceNames of(String imageName, String appName) {
        return new ResourceNames(
                DnsLabel.of(imageName.substring(imageName.lastIndexOf('/') + 1)),
                DnsLabel.of(appName));
    }
}
