package dev.distrogen.backend.escape;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;

/**
 * YAML documents written by SnakeYAML from maps and lists, so every string is quoted as YAML
 * needs (a spec's "on", "no", "1.0", ": " or "#" stay strings), in block style, in the maps' order.
 */
public final class Yaml {

    private Yaml() {
    }

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
        return new org.yaml.snakeyaml.Yaml(options).dumpAll(documents.iterator());
    }

    /** A mapping in the order given: key, value, key, value... (a fresh map each call: no anchors). */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
