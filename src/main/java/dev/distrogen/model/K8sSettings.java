package dev.distrogen.model;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code k8s { replicas N namespace "NAME" imagePullPolicy POLICY }}: read by the k8s target only.
 */
public record K8sSettings(
        Optional<Located<String>> replicas,
        Optional<Located<String>> namespace,
        Optional<Located<String>> pullPolicy,
        SourceLocation at) {

    public static final K8sSettings NONE =
            new K8sSettings(
                    Optional.empty(), Optional.empty(), Optional.empty(), SourceLocation.NONE);

    public K8sSettings {
        Objects.requireNonNull(replicas, "replicas");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(pullPolicy, "pullPolicy");
        Objects.requireNonNull(at, "at");
    }
}
