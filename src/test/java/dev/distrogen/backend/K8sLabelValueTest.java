package dev.distrogen.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.distrogen.Compiler;
import dev.distrogen.GeneratedOutputs;
import dev.distrogen.backend.k8s.K8sBackend;
import dev.distrogen.diagnostic.SpecSource;
import dev.distrogen.plan.ImagePlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Tags registries accept but Kubernetes label values do not: the label fits or is left out; the
 * image keeps the tag.
 */
class K8sLabelValueTest {

    /** Kubernetes' label value syntax (apimachinery validation.IsValidLabelValue). */
    private static final Pattern LABEL_VALUE =
            Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> tagsThatAreNoLabelValues_giveValidLabels_andTheExactImage() {
        return Stream.of(
                        "1.0-",
                        "_x",
                        "a".repeat(99) + "-",
                        "x".repeat(128),
                        "___",
                        "1.0",
                        "v1_2-3.x")
                .map(
                        tag ->
                                DynamicTest.dynamicTest(
                                        tag,
                                        () -> {
                                            String spec =
                                                    "image \"web\" tag \""
                                                            + tag
                                                            + "\"\napp \"web\" { binary \"/w\" }\nuser \"web\" uid 1 gid 1\n";
                                            ImagePlan plan =
                                                    Compiler.compile(
                                                                    new SpecSource(
                                                                            "w.dl",
                                                                            Path.of("."),
                                                                            spec))
                                                            .plan()
                                                            .orElseThrow();
                                            String yaml =
                                                    new K8sBackend()
                                                            .generate(
                                                                    new GenerationRequest(
                                                                            plan, "w.dl", false))
                                                            .get(0)
                                                            .text();
                                            Map<String, Object> deployment =
                                                    (Map<String, Object>)
                                                            GeneratedOutputs.yamlDocuments(yaml)
                                                                    .get(0);
                                            Map<String, Object> labels =
                                                    (Map<String, Object>)
                                                            ((Map<String, Object>)
                                                                            deployment.get(
                                                                                    "metadata"))
                                                                    .get("labels");
                                            for (Object value : labels.values()) {
                                                assertTrue(
                                                        value.toString().length() <= 63
                                                                && LABEL_VALUE
                                                                        .matcher(value.toString())
                                                                        .matches(),
                                                        "label value " + value);
                                            }
                                            if (tag.equals("1.0") || tag.equals("v1_2-3.x")) {
                                                assertEquals(
                                                        tag,
                                                        labels.get("app.kubernetes.io/version"),
                                                        "a valid tag is kept as it is");
                                            }
                                            Map<String, Object> pod =
                                                    (Map<String, Object>)
                                                            ((Map<String, Object>)
                                                                            ((Map<String, Object>)
                                                                                            deployment
                                                                                                    .get(
                                                                                                            "spec"))
                                                                                    .get(
                                                                                            "template"))
                                                                    .get("spec");
                                            assertEquals(
                                                    "web:" + tag,
                                                    ((List<Map<String, Object>>)
                                                                    pod.get("containers"))
                                                            .get(0)
                                                            .get("image"));
                                        }));
    }
}
