package dev.distrogen.backend;

/**
 * Who signs the images that the workflow of {@code --target all} pushes: the workflow itself,
 * through Sigstore's keyless signing. Fulcio certifies the job's OIDC token, so the certificate
 * names the workflow file and the ref it ran on; {@code cosign verify} must expect exactly those.
 * Both the workflow and IMAGE.md read them here.
 */
public final class KeylessSigning {

    /** The workflow that builds, pushes and signs, in the generated repository. */
    public static final String WORKFLOW = ".github/workflows/image.yml";

    /** The only branch whose pushes are pushed to the registry, and so signed. */
    public static final String BRANCH = "main";

    /** The issuer of GitHub Actions' OIDC tokens, which the certificate records. */
    public static final String ISSUER = "https://token.actions.githubusercontent.com";

    private KeylessSigning() {}

    /**
     * The certificate identity to expect, as a regular expression anchored at both ends, for the
     * repository {@code owner/name} whose workflow signed: GitHub writes {@code
     * https://github.com/OWNER/REPO/.github/workflows/image.yml@refs/heads/main}.
     */
    public static String identityRegexp(String repository) {
        return "^https://github\\.com/"
                + repository
                + "/"
                + WORKFLOW.replace(".", "\\.")
                + "@refs/heads/"
                + BRANCH
                + "$";
    }
}
