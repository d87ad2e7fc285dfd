package dev.distrogen.backend.compose;

import dev.distrogen.backend.Backend;
import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.backend.GenerationRequest;
import dev.distrogen.backend.escape.CommentText;
import dev.distrogen.backend.escape.ComposeText;
import dev.distrogen.backend.escape.Yaml;
import dev.distrogen.model.Quantity;
import dev.distrogen.plan.ExposedPort;
import dev.distrogen.plan.ImagePlan;
import dev.distrogen.plan.ResourceLimits;
import dev.distrogen.plan.VolumeMount;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --target compose}: a Compose file that runs the image as the plan means it: its numeric
 * user, a read-only root with a tmpfs (owner and mode as planned) on every dir it writes to and a
 * named volume on every persistent one, no capabilities, no privilege escalation, its ports and its
 * stop signal.
 */
public final class ComposeBackend implements Backend {

    static final String FILE_NAME = "compose.yaml";

    @Override
    public String name() {
        return "compose";
    }

    @Override
    public String description() {
        return "a Compose file: read-only, tmpfs and volumes, no capabilities";
    }

    @Override
    public List<String> fileNames() {
        return List.of(FILE_NAME);
    }

    @Override
    public List<GeneratedFile> generate(GenerationRequest request) {
        ImagePlan plan = request.plan();
        Map<String, Object> service = new LinkedHashMap<>();
        // Every value as Compose reads it after interpolation: a spec's $ stays a $.
        service.put("image", ComposeText.literal(plan.pinnedReference()));
        service.put("user", plan.config().user());
        service.put("read_only", true);
        List<Object> tmpfs = new ArrayList<>();
        List<Object> volumeMounts = new ArrayList<>();
        Map<String, Object> volumes = new LinkedHashMap<>();
        for (VolumeMount mount : plan.mounts()) {
            if (mount.persistent()) {
                volumeMounts.add(
                        Yaml.map(
                                "type",
                                "volume",
                                "source",
                                mount.volume(),
                                "target",
                                ComposeText.literal(mount.path())));
                // Named as docker run names it (the docs' command), not after Compose's project:
                // they share the data.
                volumes.put(mount.volume(), Yaml.map("name", mount.runName()));
            } else {
                tmpfs.add(ComposeText.literal(mount.path() + ":" + mount.tmpfsOptions()));
            }
        }
        if (!tmpfs.isEmpty()) {
            service.put("tmpfs", tmpfs);
        }
        if (!volumeMounts.isEmpty()) {
            service.put("volumes", volumeMounts);
        }
        service.put("cap_drop", List.of("ALL"));
        service.put("security_opt", List.of("no-new-privileges:true"));
        if (!plan.config().exposedPorts().isEmpty()) {
            List<Object> ports = new ArrayList<>();
            for (ExposedPort port : plan.config().exposedPorts()) {
                ports.add(port.number() + ":" + port.ociForm());
            }
            service.put("ports", ports);
        }
        service.put(
                "deploy",
                Yaml.map("resources", Yaml.map("limits", limits(plan.runtime().resources()))));
        service.put("stop_signal", plan.config().effectiveStopSignal());
        service.put("stop_grace_period", plan.runtime().stopGraceSeconds() + "s");
        Map<String, Object> compose = new LinkedHashMap<>();
        compose.put("services", Yaml.map(plan.names().workload(), service));
        if (!volumes.isEmpty()) {
            compose.put("volumes", volumes);
        }
        String header =
                request.hashHeader()
                        + "# docker compose up -d\n"
                        + "# No healthcheck: a HEALTHCHECK runs a command inside the container, and this image (FROM scratch\n"
                        + "# or distroless) has no shell or tool to run one. "
                        + probeNote(plan)
                        + "\n";
        return List.of(GeneratedFile.text(FILE_NAME, header + Yaml.documents(List.of(compose))));
    }

    private static String probeNote(ImagePlan plan) {
        return plan.runtime()
                .health()
                .map(h -> h.description(CommentText::line))
                .map(p -> "The k8s target probes it from outside: " + p + ".")
                .orElse("The spec declares no health check.");
    }

    /**
     * The plan's limits as Compose takes them: CPUs as a decimal number ("0.5" of 500m), memory in
     * bytes with Docker's binary units ("128m" of 128Mi), rounded up to a whole byte.
     */
    static Map<String, Object> limits(ResourceLimits resources) {
        BigDecimal cpus = Quantity.value(resources.cpuLimit()).orElseThrow().stripTrailingZeros();
        BigInteger bytes =
                Quantity.value(resources.memoryLimit())
                        .orElseThrow()
                        .setScale(0, RoundingMode.CEILING)
                        .toBigIntegerExact();
        String memory = bytes + "b";
        String[] units = {"k", "m", "g"};
        for (int i = 0; i < units.length; i++) {
            BigInteger unit = BigInteger.ONE.shiftLeft(10 * (i + 1));
            if (bytes.mod(unit).signum() == 0) {
                memory = bytes.divide(unit) + units[i];
            }
        }
        return Yaml.map("cpus", cpus.toPlainString(), "memory", memory);
    }
}
