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
}
