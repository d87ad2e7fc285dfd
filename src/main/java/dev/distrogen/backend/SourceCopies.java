package dev.distrogen.backend;

import dev.distrogen.plan.FileContent;
import dev.distrogen.plan.ImagePlan;
import dev.distrogen.plan.PlanEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The user's config files a generated build copies, for an output directory that must build as it
 * is: each once, under the name the spec gave it, so references in the generated file stay the same
 * in both output modes. They are copies, read only when written: a file of any size takes no
 * memory.
 */
public final class SourceCopies {

    private SourceCopies() {}

    public static List<GeneratedFile> of(ImagePlan plan) throws GenerationException {
        Map<String, FileContent.SourceFile> sources = new TreeMap<>();
        for (PlanEntry file : plan.files()) {
            if (file.content().orElseThrow() instanceof FileContent.SourceFile source) {
                sources.put(source.specRelative(), source);
            }
        }
        List<GeneratedFile> files = new ArrayList<>();
        for (FileContent.SourceFile source : sources.values()) {
            // Opened now, so that an unreadable file is a message about the spec; copied as a
            // stream when written.
            try (InputStream readable = Files.newInputStream(source.file())) {
                files.add(GeneratedFile.copy(source.specRelative(), source.file()));
            } catch (IOException e) {
                throw new GenerationException(
                        "cannot read " + source.specRelative() + ": " + e.getMessage());
            }
        }
        return files;
    }
}
