package dev.distrogen.backend;

import dev.distrogen.backend.escape.CommentText;
import dev.distrogen.plan.ImagePlan;
import java.util.Objects;
import java.util.Optional;

/**
 * What a backend renders.
 *
 * @param specName the spec's file name as given ("nginx.dl"); headers show {@link #headerName()}
 * @param toDirectory whether the files go to an output directory (a self-contained build
 *     context) rather than the main file to standard output
 * @param overrides command-line settings that win over the spec's
 * @param templates the templates to render with: built-in, or the user's before them
 * @param specText the spec's own text, which {@code --target all} writes into the skeleton
 */
public record GenerationRequest(ImagePlan plan, String specName, boolean toDirectory, Overrides overrides,
        Templates templates, Optional<String> specText) {

    public GenerationRequest {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(specName, "specName");
        Objects.requireNonNull(overrides, "overrides");
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(specText, "specText");
    }

    public GenerationRequest(ImagePlan plan, String specName, boolean toDirectory, Overrides overrides,
            Templates templates) {
        this(plan, specName, toDirectory, overrides, templates, Optional.empty());
    }

    /** The spec's file name as a generated file's header comment shows it: one line, whatever the name holds. */
    public String headerName() {
        return CommentText.line(specName);
    }

    public GenerationRequest(ImagePlan plan, String specName, boolean toDirectory, Overrides overrides) {
        this(plan, specName, toDirectory, overrides, Templates.BUILT_IN);
    }

    public GenerationRequest(ImagePlan plan, String specName, boolean toDirectory) {
        this(plan, specName, toDirectory, Overrides.NONE, Templates.BUILT_IN);
    }
}
