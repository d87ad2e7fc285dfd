package dev.distrogen.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the Dockerfile's build stage gets the app: from an image that already holds it ({@code
 * image}), or by installing the nix package in a nixos/nix stage ({@code nix}).
 */
public enum DockerBuilder {
    IMAGE,
    NIX;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DockerBuilder> ofWord(String word) {
        return Arrays.stream(values()).filter(b -> b.word().equals(word)).findFirst();
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(DockerBuilder::word).toList();
    }
}
