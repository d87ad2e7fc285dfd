package dev.distrogen.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The nixpkgs dockerTools builder the Nix target calls. */
public enum NixFunction {
    BUILD_IMAGE("buildImage"),
    BUILD_LAYERED_IMAGE("buildLayeredImage"),
    STREAM_LAYERED_IMAGE("streamLayeredImage");

    private final String nixName;

    NixFunction(String nixName) {
        this.nixName = nixName;
    }

    public String nixName() {
        return nixName;
    }

    public static Optional<NixFunction> ofName(String name) {
        return Arrays.stream(values()).filter(f -> f.nixName.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(NixFunction::nixName).toList();
    }
}
