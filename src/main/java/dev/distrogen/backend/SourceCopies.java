package dev.distrogen.backend;

import dev.distrogen.plan.FileContent;
import dev.distrogen.plan.ImagePlan;
import dev.distrogen.plan.PlanEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The user's config files a generated build copies, for an output directory that must build
 * as it is: each once, under the name the spec gave it, so references in the generated file
 * stay the same in both output modes.
 */
public final class SourceCopies {

    private SourceCopies() {
    }

    public static List<GeneratedFile> of(ImagePlan plan) throws GenerationException {
        Map<String, FileContent.SourceFile> sources = new TreeMap<>();
        for (PlanEntry file : plan.files()) {
            if (file.content().orElseThrow() instanceof FileContent.SourceFile source) {
                sources.put(source.specRelative(), source);
            }
        }
        List<GeneratedFile> files = new ArrayList<>();
        for (FileContent.SourceFile source : sources.values()) {
            try {
                files.add(new GeneratedFile(source.specRelative(), Files.readAllBytes(source.file())));
            } catch (IOException e) {
                throw new GenerationException("cannot read " + source.specRelative() + ": " + e.getMessage());
            }
        }
        return files;
    }
}
