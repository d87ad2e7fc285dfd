package dev.distrogen.check;

import dev.distrogen.Compiler;
import dev.distrogen.Compiler.Compilation;
import dev.distrogen.GeneratedOutputs;
import dev.distrogen.Golden;
import dev.distrogen.Tools;
import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.diagnostic.SpecSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer's longer run (NoStackTraceTest is its quick one): other mangled versions of every
 * example, four times as many, other hostile specs, and a sample of the hostile specs' Nix
 * expressions parsed by real Nix.
 */
class NoStackTraceIT {

    @Test
    void moreMangledSpecs_giveDiagnosticsOrAPlan_neverAnException() throws Exception {
        NoStackTraceTest.fuzzMangled(400 * NoStackTraceTest.SCALE, 20270101L);
    }

    @Test
    void moreHostileSpecs_everyTargetRenders_andItsOutputsParse() {
        NoStackTraceTest.fuzzHostile(500 * NoStackTraceTest.SCALE, 2027L);
    }

    @Test
    void hostileSpecs_aSampleOfNixExpressions_parseWithNix() {
        Tools.requireNix();
        Random random = new Random(2028L);
        List<String> expressions = new ArrayList<>();
        while (expressions.size() < 30 * NoStackTraceTest.SCALE) {
            String spec = HostileSpecs.generate(random);
            Compilation c =
                    Compiler.compile(
                            new SpecSource(HostileSpecs.name(random), Golden.root(), spec));
            if (c.plan().isEmpty()) {
                continue;
            }
            for (GeneratedFile file : NoStackTraceTest.generateEveryTarget(c.plan().get(), spec)) {
                if (file.path().equals("default.nix")) {
                    expressions.add(file.text());
                }
            }
        }
        GeneratedOutputs.assertNixParses(expressions);
        System.err.println(
                "[distrogen fuzz] nix-instantiate --parse: " + expressions.size() + " expressions");
    }
}
