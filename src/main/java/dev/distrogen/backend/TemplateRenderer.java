package dev.distrogen.backend;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * FreeMarker, set up once: square-bracket syntax ({@code [=x]}, {@code [#list]}) so that the
 * {@code ${...}} of Dockerfiles, shells and Nix passes through untouched; errors rethrown; no
 * locale or time zone in the output. Templates only lay out what the backends decided and escaped.
 */
public final class TemplateRenderer {

    private static final Configuration CONFIGURATION = configuration();

    private TemplateRenderer() {
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassForTemplateLoading(TemplateRenderer.class, "/dev/distrogen/templates");
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
        c.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setAPIBuiltinEnabled(false);
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        return c;
    }

    /** Renders {@code templates/NAME} with {@code model}, whose components templates read as {@code x.name}. */
    public static String render(String name, Record model) {
        try {
            Template template = CONFIGURATION.getTemplate(name);
            StringWriter out = new StringWriter();
            template.process(dataModel(model), out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("built-in template " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Records become maps of their components, in order; lists and maps are converted inside. */
    static Object dataModel(Object value) {
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
            return list.stream().map(TemplateRenderer::dataModel).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, dataModel(v)));
            return copy;
        }
        return value;
    }
}
