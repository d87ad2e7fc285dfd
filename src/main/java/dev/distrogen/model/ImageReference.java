package dev.distrogen.model;

import java.util.regex.Pattern;

/**
 * The grammar of image names, tags and references (distribution/reference), used to refuse anything
 * that would not survive unquoted in a FROM line or an image config.
 */
public final class ImageReference {

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN =
            "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
                    + "(?::[0-9]+)?/)";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}";
    private static final Pattern NAME =
            Pattern.compile(DOMAIN + "?" + COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final Pattern TAG_PATTERN = Pattern.compile(TAG);
    private static final Pattern REFERENCE =
            Pattern.compile(
                    "(" + DOMAIN + "?" + COMPONENT + "(?:/" + COMPONENT + ")*)(?::" + TAG + ")?(?:@"
                            + DIGEST + ")?");

    private ImageReference() {}

    /** A repository name without tag: "nginx-distroless", "ghcr.io/acme/app". */
    public static boolean isName(String name) {
        return name.length() <= 255 && NAME.matcher(name).matches();
    }

    public static boolean isTag(String tag) {
        return TAG_PATTERN.matcher(tag).matches();
    }

    /** A content digest: "sha256:" and 64 lower-case hex digits (or sha512 and 128). */
    public static boolean isDigest(String digest) {
        return digest.matches("sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128}");
    }

    /**
     * A full reference: "nginx:1.27-alpine", "gcr.io/distroless/static-debian12:nonroot",
     * "x@sha256:...".
     */
    public static boolean isReference(String reference) {
        return reference.length() <= 512 && REFERENCE.matcher(reference).matches();
    }
}
