package dev.distrogen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.distrogen.Compiler;
import dev.distrogen.Compiler.Compilation;
import dev.distrogen.diagnostic.Code;
import dev.distrogen.diagnostic.SpecSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which dirs the app's user may write: one rule, which the check and the plan both follow. */
class DirAccessTest {

    private static Optional<Located<String>> word(String value) {
        return value.isEmpty()
                ? Optional.empty()
                : Optional.of(new Located<>(value, SourceLocation.NONE));
    }

    /**
     * Expected values from the kernel's rule, worked out by hand for user web (10001:10001 or gid
     * 0).
     */
    @ParameterizedTest(name = "{0} owner={1} mode={2} gid={3}: {4}")
    @CsvSource({
        "/var/cache/web, '', '', 10001, false", // root's 0755
        "/tmp, '', '', 10001, true", // root's 1777
        "/var/cache/web, web, '', 10001, true", // the user's own 0755: owner bits rwx
        "/var/lib/web, '', 0770, 0, true", // gid 0 and a root-group dir with group write
        "/var/lib/web, '', 0770, 10001, false", // others bits: none
        "/srv/own, web, 0570, 0, false", // the owner class applies to the owner, whatever the
        // group's
        "/srv/all, '', 0777, 10001, true"
    })
    void writable_followsTheKernelsRule(
            String path, String owner, String mode, long gid, boolean expected) {
        assertEquals(
                Optional.of(expected),
                DirAccess.writable(path, word(owner), word(mode), "web", 10001, gid));
    }

    @Test
    void mode_defaultsTo1777OnTmp_0755Elsewhere_emptyWhenNotOctal() {
        assertEquals(Optional.of(FileMode.TMP), DirAccess.mode("/tmp", Optional.empty()));
        assertEquals(Optional.of(new FileMode(0755)), DirAccess.mode("/run", Optional.empty()));
        assertEquals(Optional.empty(), DirAccess.mode("/run", word("0789")));
    }

    /** DG053 warns on exactly the declared dirs the plan leaves without a volume. */
    @Test
    void theChecksWarning_andThePlansWritableDirs_agree() {
        List<String> dirs = List.of("/a", "/b", "/c", "/d", "/e", "/f");
        String[][] declared = {
            {"", ""}, {"web", ""}, {"web", "0700"}, {"", "0775"}, {"", "0777"}, {"web", "0500"}
        };
        for (String gid : List.of("0", "10001")) {
            StringBuilder text =
                    new StringBuilder(
                            "app \"web\" { binary \"/usr/bin/web\" }\nuser \"web\" uid 10001 gid "
                                    + gid
                                    + "\n");
            for (int i = 0; i < dirs.size(); i++) {
                text.append("dir \"")
                        .append(dirs.get(i))
                        .append('"')
                        .append(declared[i][0].isEmpty() ? "" : " owner \"" + declared[i][0] + "\"")
                        .append(declared[i][1].isEmpty() ? "" : " mode " + declared[i][1])
                        .append('\n');
            }
            Compilation c =
                    Compiler.compile(new SpecSource("t.dl", Path.of("/tmp"), text.toString()));
            List<String> warned = new ArrayList<>();
            c.diagnostics().sorted().stream()
                    .filter(d -> d.code() == Code.DIR_NOT_WRITABLE)
                    .forEach(d -> warned.add(dirs.get(d.at().line() - 3)));
            List<String> writable =
                    c.plan().orElseThrow().writableDirs().stream()
                            .map(d -> d.path().value())
                            .filter(dirs::contains)
                            .toList();
            List<String> expected = new ArrayList<>(dirs);
            expected.removeAll(writable);
            assertEquals(expected, warned, "gid " + gid);
            // The owner's own 0755 (/b) is writable; root's 0755 (/a) is not; gid 0 adds /d (group
            // rwx).
            assertEquals(
                    gid.equals("0") ? List.of("/b", "/c", "/d", "/e") : List.of("/b", "/c", "/e"),
                    writable);
        }
    }
}
