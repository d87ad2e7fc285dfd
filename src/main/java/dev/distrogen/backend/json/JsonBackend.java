package dev.distrogen.backend.json;

import dev.distrogen.backend.Backend;
import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.backend.GenerationRequest;
import dev.distrogen.backend.PlanTree;
import dev.distrogen.backend.escape.Json;
import java.util.List;

/**
 * {@code --target json}: the spec with every default applied, and the files of the plan, as JSON
 * for other tools. Modes are octal strings ("0750"), as people write them.
 */
public final class JsonBackend implements Backend {

    static final String FILE_NAME = "spec.json";

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String description() {
        return "the spec with defaults applied and the plan's files, as JSON for tools";
    }

    @Override
    public List<String> fileNames() {
        return List.of(FILE_NAME);
    }

    @Override
    public List<GeneratedFile> generate(GenerationRequest request) {
        return List.of(GeneratedFile.text(FILE_NAME, Json.pretty(PlanTree.of(request))));
    }
}
