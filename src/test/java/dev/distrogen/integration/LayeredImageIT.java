package dev.distrogen.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The final stage's layers, as supply-chain.md says: the nginx example built with {@code buildah
 * bud --layers --timestamp}, then again after one change, re-ships only the changed layer. A new
 * {@code text} config changes the config layer alone, and so does a new {@code from} config, each
 * under 1% of the image's bytes; the libraries' and the app's layers keep their digests. The
 * rebuilt image still serves, with the new config in effect.
 */
class LayeredImageIT {

    private static final String EPOCH = "1700000000";
    private static final String EXAMPLE = "nginx";

    @TempDir Path tmp;
    private final List<String> tags = new ArrayList<>();

    /** What buildah --layers committed on the way (the build stage's steps), removed after. */
    private final Set<String> intermediates = new LinkedHashSet<>();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void requireTools() {
        Images.assumeTools();
    }

    @AfterEach
    void removeImages() {
        tags.forEach(Images::remove);
        Images.removeUntagged(intermediates);
    }

    record Layer(String digest, long size) {}

    @Test
    void nginx_aChangedConfig_reshipsOnlyItsLayer_underOnePercentOfTheImage() throws Exception {
        String builder = Images.builder();
        Path source = tmp.resolve("src");
        ReproducibleImageIT.copy(Images.root().resolve("examples/" + EXAMPLE), source);
        Path spec = source.resolve(EXAMPLE + ".dl");

        List<Layer> first = layers(build(generate(spec, "first", builder), "first"));
        assertEquals(3, first.size(), "libraries, app, configs: " + first);

        // One text config: security.conf's server_tokens (the Server header says the version).
        String text = Files.readString(spec);
        assertTrue(text.contains("server_tokens off;"));
        Files.writeString(spec, text.replace("server_tokens off;", "server_tokens on;"));
        String textTag = build(generate(spec, "text", builder), "text");
        List<Layer> second = layers(textTag);
        assertOnlyChanged(first, second, 2, "a text config");

        // One from config: nginx.conf, copied from the build context into the root.
        Path third = generate(spec, "from", builder);
        Files.writeString(
                third.resolve("nginx.conf"),
                Files.readString(third.resolve("nginx.conf")) + "# changed\n");
        assertOnlyChanged(second, layers(build(third, "from")), 2, "a from config");

        try (MountedImage image = new MountedImage(textTag);
                RunningApp app = image.start(DockerfileImageIT.compileRootrun())) {
            app.awaitPort(8080, Duration.ofSeconds(20));
            HttpResponse<String> response =
                    http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), app.output());
            assertTrue(
                    response.headers().firstValue("Server").orElse("").startsWith("nginx/"),
                    "server_tokens on, from the changed config layer: " + response.headers().map());
        }
    }

    /**
     * {@code after} has the layers of {@code before} but the one at {@code index}, which holds
     * under 1% of its bytes.
     */
    private static void assertOnlyChanged(
            List<Layer> before, List<Layer> after, int index, String what) {
        assertEquals(before.size(), after.size(), what);
        long total = after.stream().mapToLong(Layer::size).sum();
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            if (!before.get(i).digest().equals(after.get(i).digest())) {
                changed.add(i);
            }
        }
        assertEquals(List.of(index), changed, what + ": the layers that changed, " + after);
        long reshipped = after.get(index).size();
        System.err.printf(
                java.util.Locale.ROOT,
                "[distrogen tests] layered: after %s, %d of %d bytes re-shipped (%.3f%%); layers %s%n",
                what,
                reshipped,
                total,
                100.0 * reshipped / total,
                sizes(after));
        assertTrue(reshipped * 100 < total, what + ": " + reshipped + " of " + total + " bytes");
    }

    private static List<Long> sizes(List<Layer> layers) {
        return layers.stream().map(Layer::size).toList();
    }

    /** The example's Dockerfile context, generated from {@code spec}. */
    private Path generate(Path spec, String name, String builder) {
        return Images.dockerfileContext(spec, tmp.resolve(name), builder);
    }

    /**
     * buildah bud --layers --timestamp, as supply-chain.md says, without the cache: every layer
     * made anew; returns the tag.
     */
    private String build(Path context, String name) {
        String tag =
                "localhost/distrogen-test-layers-" + name + ":run" + ProcessHandle.current().pid();
        tags.add(tag);
        intermediates.addAll(
                Images.committed(
                        Images.buildLogged(
                                context,
                                tag,
                                List.of("--layers", "--no-cache", "--timestamp", EPOCH))));
        return tag;
    }

    /** The image's layers, bottom first: digest and size (uncompressed) from its manifest. */
    private static List<Layer> layers(String tag) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode inspect = Images.inspect(tag);
        List<Layer> layers = new ArrayList<>();
        for (JsonNode layer : json.readTree(inspect.get("Manifest").asText()).get("layers")) {
            layers.add(new Layer(layer.get("digest").asText(), layer.get("size").asLong()));
        }
        return layers;
    }
}
