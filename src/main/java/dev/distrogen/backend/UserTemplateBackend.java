package dev.distrogen.backend;

import dev.distrogen.backend.json.JsonBackend;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A target the user added with {@code --templates DIR}: every DIR/NAME/**&#47;*.ftl renders to the
 * file named without .ftl. Its templates see what {@code --target json} prints, by the same names
 * (docs/command-line.md: "Your own templates").
 */
public final class UserTemplateBackend implements Backend {

    private final String name;

    public UserTemplateBackend(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "your templates in --templates DIR/" + name;
    }

    /** None that distrogen knows of: the user's templates name their own files. */
    @Override
    public List<String> fileNames() {
        return List.of();
    }

    @Override
    public List<GeneratedFile> generate(GenerationRequest request) throws GenerationException {
        Map<String, Object> model = JsonBackend.tree(request);
        List<GeneratedFile> files = new ArrayList<>();
        try {
            for (String template : request.templates().templatesOf(name)) {
                String output = template.substring(0, template.length() - Templates.SUFFIX.length());
                files.add(GeneratedFile.text(output, request.templates().render(name + "/" + template, model)));
            }
        } catch (IOException e) {
            throw new GenerationException("cannot read the templates of " + name + ": " + e.getMessage());
        }
        return files;
    }
}
