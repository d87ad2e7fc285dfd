package dev.distrogen.backend;

import dev.distrogen.Compiler;
import dev.distrogen.GeneratedOutputs;
import dev.distrogen.Golden;
import dev.distrogen.Tools;
import dev.distrogen.plan.ImagePlan;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** HostileSpecNameTest's names in the Nix expression, parsed by real Nix. */
class HostileSpecNameIT {

    @TestFactory
    Stream<DynamicTest> hostileNames_nixParses() throws Exception {
        Path spec = Golden.root().resolve("examples/nginx/nginx.dl");
        ImagePlan plan = Compiler.compile(spec, "nginx.dl").plan().orElseThrow();
        return HostileSpecNameTest.NAMES.stream()
                .map(
                        name ->
                                DynamicTest.dynamicTest(
                                        HostileSpecNameTest.printable(name),
                                        () -> {
                                            Tools.requireNix();
                                            GeneratedOutputs.assertNixParses(
                                                    HostileSpecNameTest.files(plan, name)
                                                            .get("default.nix"));
                                        }));
    }
}
