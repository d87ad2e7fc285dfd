package dev.distrogen.backend.escape;

/**
 * Text of a GitHub Actions workflow. The runner evaluates every {@code ${{ ... }}} in a string
 * (a {@code run} script, a step's {@code with} or {@code env}) before the shell or the action
 * sees it, and YAML quoting does not stop it; there is no escape character. A literal "${{" is
 * written as an expression whose value is that text: {@code ${{ '${{' }}}.
 */
public final class GithubActions {

    private GithubActions() {}

    /** {@code s} so that the workflow's value is exactly {@code s}: no expression in it runs. */
    public static String literal(String s) {
        return s.replace("${{", "${{ '${{' }}");
    }
}
