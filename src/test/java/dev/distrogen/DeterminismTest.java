package dev.distrogen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.distrogen.backend.Backend;
import dev.distrogen.backend.Backends;
import dev.distrogen.backend.GeneratedFile;
import dev.distrogen.backend.GenerationRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The same spec gives the same bytes, whatever the locale and time zone. */
class DeterminismTest {

    private static List<GeneratedFile> generateAll(Path spec) throws Exception {
        Compiler.Compilation c = Compiler.compile(spec, spec.getFileName().toString());
        List<GeneratedFile> all = new ArrayList<>();
        for (Backend backend : Backends.all()) {
            all.addAll(
                    backend.generate(
                            new GenerationRequest(c.plan().orElseThrow(), "spec.dl", true)));
        }
        return all;
    }

    @Test
    void everyTarget_isByteIdentical_acrossLocalesAndTimeZones() throws Exception {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Path spec = Golden.root().resolve("examples/nginx/nginx.dl");
            Locale.setDefault(Locale.ROOT);
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            List<GeneratedFile> reference = generateAll(spec);
            for (String tag :
                    List.of("tr-TR", "ar-EG", "th-TH-u-nu-thai", "de-DE", "ja-JP-u-ca-japanese")) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
                assertEquals(reference, generateAll(spec), tag);
            }
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }
}
