package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distrogen.Compiler;
import dev.distrogen.GeneratedOutputs;
import dev.distrogen.Golden;
import dev.distrogen.plan.ImagePlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A spec's file name lands in the header of every generated file. Names built to break out of each
 * language's comment (line breaks of every kind, "-->", NUL, bidirectional overrides) give files
 * with exactly the lines and documents a plain name gives, each parsing in its language.
 */
class HostileSpecNameTest {

    static final List<String> NAMES =
            List.of(
                    "x\nRUN touch pwned\n#.dl",
                    "x\r\nFROM evil AS build\r\n#.dl",
                    "x\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: evil, securityContext: {privileged: true}}]}\n#.dl",
                    "x\u2028kind: Pod\u2029---\u2028kind: Pod.dl",
                    "x\u0085---\u0085a: b.dl",
                    "--->.dl",
                    "x--!>y.dl",
                    "x -->\n# injected\n<!-- .dl",
                    "x\n''; }; y = builtins.trace \"INJECTED\" 1; z = {\n#.dl",
                    "nul\u0000esc\u001b[2Jbell\u0007.dl",
                    "bidi\u202eld.txt",
                    "bom\ufeffzw\u200bj.dl",
                    "x'\"$(touch pwned)`id`${HOME}.dl");

    @TestFactory
    Stream<DynamicTest> hostileNames_everyTarget_sameLinesAsAPlainName_andParses()
            throws Exception {
        Path spec = Golden.root().resolve("examples/nginx/nginx.dl");
        ImagePlan plan = Compiler.compile(spec, "nginx.dl").plan().orElseThrow();
        Map<String, String> plain = files(plan, "plain.dl");
        return NAMES.stream()
                .map(
                        name ->
                                DynamicTest.dynamicTest(
                                        printable(name),
                                        () -> {
                                            Map<String, String> hostile = files(plan, name);
                                            assertEquals(plain.keySet(), hostile.keySet());
                                            for (String path : plain.keySet()) {
                                                assertEquals(
                                                        GeneratedOutputs.lines(plain.get(path)),
                                                        GeneratedOutputs.lines(hostile.get(path)),
                                                        "lines of "
                                                                + path
                                                                + ":\n"
                                                                + hostile.get(path));
                                                assertFalse(
                                                        hostile.get(path).contains("\u0000"),
                                                        path + " holds a NUL");
                                            }
                                            List<GeneratedFile> all = new ArrayList<>();
                                            hostile.forEach(
                                                    (path, text) ->
                                                            all.add(
                                                                    GeneratedFile.text(
                                                                            path, text)));
                                            GeneratedOutputs.assertParse(all);
                                            for (String path :
                                                    List.of(
                                                            "k8s.yaml",
                                                            ".github/workflows/image.yml")) {
                                                assertEquals(
                                                        GeneratedOutputs.yamlDocuments(
                                                                plain.get(path)),
                                                        GeneratedOutputs.yamlDocuments(
                                                                hostile.get(path)),
                                                        path);
                                            }
                                            assertEquals(
                                                    name,
                                                    new ObjectMapper()
                                                            .readTree(hostile.get("spec.json"))
                                                            .get("spec")
                                                            .asText(),
                                                    "JSON keeps the name as it is");
                                        }));
    }

    /**
     * Every file of every target: the single ones to standard output, then all of --target all -o.
     */
    static Map<String, String> files(ImagePlan plan, String name) throws GenerationException {
        Map<String, String> files = new TreeMap<>();
        for (Backend backend : Backends.all()) {
            GeneratedFile main = backend.generate(new GenerationRequest(plan, name, false)).get(0);
            files.put(main.path(), main.text());
        }
        for (GeneratedFile file :
                Backends.byName("all")
                        .orElseThrow()
                        .generate(new GenerationRequest(plan, name, true))) {
            files.put(file.path(), file.text());
        }
        return files;
    }

    static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints()
                .forEach(
                        c ->
                                out.append(
                                        c < 0x20 || c > 0x7e
                                                ? String.format("\\u%04x", c)
                                                : Character.toString(c)));
        return out.toString();
    }
}
