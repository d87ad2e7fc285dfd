package dev.distrogen.backend;

import dev.distrogen.model.ContainerPath;
import dev.distrogen.model.FileMode;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Stream;

/**
 * The FreeMarker templates of a run: the built-in ones, and with {@code --templates DIR} the user's
 * in front of them, so DIR/dockerfile/Dockerfile.ftl replaces the built-in Dockerfile template and
 * DIR/NAME/... adds a target NAME. Square-bracket syntax ([=x], [#list]), so the ${...} of
 * Dockerfiles, shells and Nix passes through; no locale or time zone in the output; no access to
 * Java classes from templates. A broken user template is reported with its file, line and column.
 */
public final class Templates {

    public static final Templates BUILT_IN = new Templates(Optional.empty());
    static final String SUFFIX = ".ftl";

    private final Optional<Path> userDirectory;
    private final Configuration configuration;

    private Templates(Optional<Path> userDirectory) {
        this.userDirectory = userDirectory;
        this.configuration = configuration(userDirectory);
    }

    /** The user's templates in {@code directory}, before the built-in ones. */
    public static Templates withUserDirectory(Path directory) {
        return new Templates(Optional.of(directory));
    }

    private static Configuration configuration(Optional<Path> userDirectory) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        TemplateLoader builtIn =
                new ClassTemplateLoader(Templates.class, "/dev/distrogen/templates");
        c.setTemplateLoader(
                userDirectory
                        .<TemplateLoader>map(
                                d ->
                                        new MultiTemplateLoader(
                                                new TemplateLoader[] {
                                                    new PathTemplateLoader(d), builtIn
                                                }))
                        .orElse(builtIn));
        c.setLocalizedLookup(false);
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
        c.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setAPIBuiltinEnabled(false);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        return c;
    }

    /**
     * Renders template {@code name} ("dockerfile/Dockerfile.ftl") with {@code model}, read as
     * x.component.
     */
    public String render(String name, Object model) throws GenerationException {
        try {
            Template template = configuration.getTemplate(name);
            StringWriter out = new StringWriter();
            template.process(dataModel(model), out);
            return out.toString();
        } catch (ParseException e) {
            throw failure(name, e.getLineNumber(), e.getColumnNumber(), e.getEditorMessage());
        } catch (TemplateException e) {
            throw failure(
                    name,
                    e.getLineNumber() == null ? 0 : e.getLineNumber(),
                    e.getColumnNumber() == null ? 0 : e.getColumnNumber(),
                    e.getMessageWithoutStackTop());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "template " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private TemplateFailure failure(String name, int line, int column, String message) {
        Optional<Path> userFile =
                userDirectory.map(d -> d.resolve(name)).filter(Files::isRegularFile);
        if (userFile.isEmpty()) {
            throw new IllegalStateException(
                    "built-in template " + name + ":" + line + ":" + column + ": " + message);
        }
        // FreeMarker's whole message: its first line alone would not name the missing expression.
        return new TemplateFailure(
                userFile.get() + ":" + line + ":" + column + ": " + message.strip());
    }

    /**
     * The targets the user's directory adds: folders holding .ftl files, named not as a built-in
     * target.
     */
    public List<String> userTargets(List<String> builtIn) throws IOException {
        List<String> targets = new ArrayList<>();
        if (userDirectory.isEmpty()) {
            return targets;
        }
        try (Stream<Path> dirs = Files.list(userDirectory.get())) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String name = dir.getFileName().toString();
                if (!builtIn.contains(name)
                        && !name.equals("init")
                        && !templatesUnder(dir).isEmpty()) {
                    targets.add(name);
                }
            }
        }
        return targets;
    }

    /**
     * The .ftl files of a user target, relative to its folder, sorted: each renders to the file
     * named without .ftl.
     */
    List<String> templatesOf(String target) throws IOException {
        Path dir = userDirectory.orElseThrow().resolve(target);
        return templatesUnder(dir).stream()
                .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                .toList();
    }

    private static List<Path> templatesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(
                            f ->
                                    Files.isRegularFile(f)
                                            && f.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    /**
     * The data model templates see: records as maps of their components, Optional as its value or
     * nothing, enums by name, paths and modes as the text users write ("/etc/passwd", "0644").
     */
    public static Object dataModel(Object value) {
        if (value instanceof ContainerPath path) {
            return path.value();
        }
        if (value instanceof FileMode mode) {
            return mode.octal();
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(Templates::dataModel).orElse(null);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Path path) {
            return path.toString();
        }
        if (value instanceof Record record) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    map.put(component.getName(), dataModel(component.getAccessor().invoke(record)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
            }
            return map;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Templates::dataModel).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, dataModel(v)));
            return copy;
        }
        return value;
    }
}
