package dev.distrogen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void fileMode_parsesOctal_refusesOtherDigitsAndTooLarge() {
        assertEquals(0750, FileMode.parseOctal("0750").orElseThrow().bits());
        assertEquals(01777, FileMode.parseOctal("1777").orElseThrow().bits());
        assertEquals(0644, FileMode.parseOctal("644").orElseThrow().bits());
        assertEquals(07777, FileMode.parseOctal("0007777").orElseThrow().bits());
        assertEquals(Optional.empty(), FileMode.parseOctal("0789"));
        assertEquals(Optional.empty(), FileMode.parseOctal("17777"));
        assertEquals(Optional.empty(), FileMode.parseOctal("99999999999999999999"));
        assertThrows(IllegalArgumentException.class, () -> new FileMode(010000));
    }

    @Test
    void dirSize_takesWholeBinaryUnits_writesThemForKubernetesAndTmpfs() {
        DirSize fiveGi = DirSize.parse("5Gi").orElseThrow();
        assertEquals("5Gi", fiveGi.kubernetes());
        assertEquals("5g", fiveGi.tmpfs());
        assertEquals("64k", DirSize.parse("64Ki").orElseThrow().tmpfs());
        assertEquals("999999Ti", DirSize.parse("999999Ti").orElseThrow().kubernetes());
        for (String refused :
                List.of(
                        "",
                        "5",
                        "5G",
                        "5GB",
                        "5gi",
                        "0Mi",
                        "05Mi",
                        "1.5Gi",
                        "-1Gi",
                        "1000000Gi",
                        "5 Gi",
                        "5Pi")) {
            assertEquals(Optional.empty(), DirSize.parse(refused), refused);
        }
    }

    @Test
    void fileMode_symbolic_showsSpecialBitsAsLsDoes() {
        assertEquals("drwxrwxrwt", FileMode.TMP.symbolic('d'));
        assertEquals("-rwsr-srwT", new FileMode(07756).symbolic('-'));
        assertEquals("drwxr-x---", new FileMode(0750).symbolic('d'));
        assertEquals("0644", FileMode.FILE.octal());
    }

    @Test
    void fileMode_writableBy_needsWriteAndSearch() {
        assertTrue(new FileMode(0750).writableBy(0));
        assertFalse(new FileMode(0550).writableBy(0));
        assertFalse(new FileMode(0755).writableBy(2));
        assertTrue(FileMode.TMP.writableBy(2));
        assertFalse(new FileMode(0772).writableBy(2));
    }

    @Test
    void containerPath_acceptsAbsoluteNormalPaths_only() {
        assertEquals(Optional.empty(), ContainerPath.problem("/etc/nginx/nginx.conf"));
        assertEquals(Optional.empty(), ContainerPath.problem("/"));
        assertEquals(Optional.of("the path is relative"), ContainerPath.problem("etc/x"));
        assertEquals(Optional.of("the path is empty"), ContainerPath.problem(""));
        assertEquals(
                Optional.of("the path holds a `..` segment"), ContainerPath.problem("/a/../b"));
        assertEquals(Optional.of("the path holds a `.` segment"), ContainerPath.problem("/a/./b"));
        assertEquals(Optional.of("the path ends with `/`"), ContainerPath.problem("/a/"));
        assertEquals(
                Optional.of("the path holds an empty segment (`//`)"),
                ContainerPath.problem("//a"));
        assertEquals(
                Optional.of("the path holds a control character"), ContainerPath.problem("/a\nb"));
        assertThrows(IllegalArgumentException.class, () -> ContainerPath.of("relative"));
    }

    @Test
    void containerPath_parentsAncestorsAndOrder() {
        ContainerPath conf = ContainerPath.of("/etc/nginx/nginx.conf");
        assertEquals(ContainerPath.of("/etc/nginx"), conf.parent());
        assertEquals(ContainerPath.ROOT, ContainerPath.of("/etc").parent());
        assertEquals(
                List.of(ContainerPath.of("/etc"), ContainerPath.of("/etc/nginx")),
                conf.ancestors());
        assertEquals("nginx.conf", conf.fileName());
        assertTrue(conf.isUnder(ContainerPath.of("/etc")));
        assertFalse(ContainerPath.of("/etcetera").isUnder(ContainerPath.of("/etc")));
        // A directory sorts before its contents, and before siblings that extend its name.
        List<ContainerPath> sorted =
                List.of("/etc-x", "/etc/z", "/etc").stream()
                        .map(ContainerPath::of)
                        .sorted()
                        .toList();
        assertEquals(
                List.of("/etc", "/etc/z", "/etc-x"),
                sorted.stream().map(ContainerPath::value).toList());
    }

    @Test
    void stopSignal_canonicalSpelling() {
        assertEquals(Optional.of("SIGQUIT"), StopSignal.canonical("SIGQUIT"));
        assertEquals(Optional.of("SIGQUIT"), StopSignal.canonical("quit"));
        assertEquals(Optional.of("SIGRTMIN+3"), StopSignal.canonical("SIGRTMIN+3"));
        assertEquals(Optional.of("9"), StopSignal.canonical("9"));
        assertEquals(Optional.empty(), StopSignal.canonical("65"));
        assertEquals(Optional.empty(), StopSignal.canonical("SIGQUIR"));
    }

    @Test
    void imageReference_acceptsWhatDockerPullTakes_refusesInjection() {
        assertTrue(ImageReference.isReference("nginx:1.27-alpine"));
        assertTrue(ImageReference.isReference("gcr.io/distroless/static-debian12:nonroot"));
        assertTrue(ImageReference.isReference("localhost:5000/team/app@sha256:" + "a".repeat(64)));
        assertFalse(ImageReference.isReference("nginx latest"));
        assertFalse(ImageReference.isReference("nginx\nRUN rm -rf /"));
        assertFalse(ImageReference.isReference("NGINX"));
        assertTrue(ImageReference.isName("acme/web"));
        assertFalse(ImageReference.isName("acme/web:1"));
        assertTrue(ImageReference.isTag("1.0_rc-1"));
        assertFalse(ImageReference.isTag("-1"));
    }
}
