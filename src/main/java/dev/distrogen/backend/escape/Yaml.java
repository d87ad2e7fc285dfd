package dev.distrogen.backend.escape;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * YAML documents written by SnakeYAML from maps and lists, so every string is quoted as YAML needs
 * (a spec's "on", "no", "1.0", ": " or "#" stay strings), in block style, in the maps' order. A
 * string holding NEL (U+0085), LINE SEPARATOR (U+2028) or PARAGRAPH SEPARATOR (U+2029) is written
 * double-quoted, where SnakeYAML escapes them as \N, \L and \P: in a plain or block scalar they
 * stand raw, and YAML 1.1 readers (SnakeYAML, PyYAML) take them for line breaks.
 */
public final class Yaml {

    private Yaml() {}

    /** The documents, each preceded by "---". */
    public static String documents(List<?> documents) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        options.setExplicitStart(true);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        options.setWidth(Integer.MAX_VALUE);
        return new org.yaml.snakeyaml.Yaml(new SeparatorsQuoted(options), options)
                .dumpAll(documents.iterator());
    }

    /**
     * The representer that double-quotes a string holding a separator that YAML 1.1 reads as a line
     * break.
     */
    private static final class SeparatorsQuoted extends Representer {

        SeparatorsQuoted(DumperOptions options) {
            super(options);
        }

        @Override
        protected Node representScalar(Tag tag, String value, DumperOptions.ScalarStyle style) {
            boolean breaks =
                    value.indexOf('\u0085') >= 0
                            || value.indexOf('\u2028') >= 0
                            || value.indexOf('\u2029') >= 0;
            return super.representScalar(
                    tag, value, breaks ? DumperOptions.ScalarStyle.DOUBLE_QUOTED : style);
        }
    }

    /**
     * A mapping in the order given: key, value, key, value... (a fresh map each call: no anchors).
     */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
