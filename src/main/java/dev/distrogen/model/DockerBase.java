package dev.distrogen.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The final stage's base for the Dockerfile target. The distroless images are Debian 12's {@code
 * :nonroot} variants; see FACTS.md for what each holds.
 */
public enum DockerBase {
    SCRATCH("scratch", "scratch"),
    DISTROLESS_STATIC("distroless-static", "gcr.io/distroless/static-debian12:nonroot"),
    DISTROLESS_BASE("distroless-base", "gcr.io/distroless/base-debian12:nonroot"),
    DISTROLESS_CC("distroless-cc", "gcr.io/distroless/cc-debian12:nonroot");

    private final String word;
    private final String image;

    DockerBase(String word, String image) {
        this.word = word;
        this.image = image;
    }

    public String word() {
        return word;
    }

    public String image() {
        return image;
    }

    public static Optional<DockerBase> ofWord(String word) {
        return Arrays.stream(values())
                .filter(b -> b.word.equals(word.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(DockerBase::word).toList();
    }
}
