package dev.distrogen.backend;

import dev.distrogen.plan.ImagePlan;
import java.util.Objects;

/**
 * What a backend renders.
 *
 * @param specName the spec's file name as shown in generated headers ("nginx.dl")
 * @param toDirectory whether the files go to an output directory (a self-contained build
 *     context) rather than the main file to standard output
 */
public record GenerationRequest(ImagePlan plan, String specName, boolean toDirectory) {

    public GenerationRequest {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(specName, "specName");
    }
}
