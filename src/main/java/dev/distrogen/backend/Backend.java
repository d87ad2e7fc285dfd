package dev.distrogen.backend;

import java.util.List;

/** One output target: renders an {@link dev.distrogen.plan.ImagePlan} into files. */
public interface Backend {

    /** The name given to {@code --target}. */
    String name();

    /** One line for {@code --help}. */
    String description();

    /**
     * The files of this target; the first is the main one, printed when no output directory is
     * given. Output must depend on the request alone (no clock, locale or machine).
     */
    List<GeneratedFile> generate(GenerationRequest request) throws GenerationException;

    /**
     * The files this target writes of its own, as paths relative to the output directory (a test
     * holds every target to its list; a folder stands for everything under it); the copies of the
     * spec's {@code from} files come on top. A {@code from} file may not take one of these names.
     */
    List<String> fileNames();

    /**
     * Whether the target writes a Dockerfile, which needs a build stage (DG087 when none is named).
     */
    default boolean needsBuildStage() {
        return false;
    }

    /** Whether the target only makes sense written to an output directory (-o DIR). */
    default boolean requiresDirectory() {
        return false;
    }
}
