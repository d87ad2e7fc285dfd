package dev.distrogen.check.rules;

import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.Diagnostic;
import dev.distrogen.diagnostic.Suggestions;
import dev.distrogen.model.Located;
import dev.distrogen.model.Platform;
import dev.distrogen.model.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DG096: a {@code platforms} entry distrogen cannot build for; DG097: one named twice (each would
 * be built twice into one index).
 */
public final class PlatformsCheck implements Check {

    @Override
    public List<Diagnostic> check(Spec spec) {
        List<Diagnostic> found = new ArrayList<>();
        Map<String, Located<String>> seen = new HashMap<>();
        for (Located<String> platform : spec.platforms()) {
            if (Platform.ofName(platform.value()).isEmpty()) {
                found.add(unknown(platform));
                continue;
            }
            Located<String> first = seen.putIfAbsent(platform.value(), platform);
            if (first != null) {
                found.add(
                        Diagnostic.error(
                                        Code.DUPLICATE_PLATFORM,
                                        platform.at(),
                                        "platform `"
                                                + platform.value()
                                                + "` is already named at line "
                                                + first.at().line())
                                .withHint("name each platform once"));
            }
        }
        return found;
    }

    private static Diagnostic unknown(Located<String> platform) {
        return Diagnostic.error(
                        Code.UNKNOWN_PLATFORM,
                        platform.at(),
                        "unknown platform `"
                                + platform.value()
                                + "`"
                                + Suggestions.didYouMean(platform.value(), Platform.names()))
                .withHint(
                        "platforms are written os/arch[/variant] as Docker writes them: "
                                + String.join(", ", Platform.names()));
    }
}
