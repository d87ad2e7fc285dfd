package dev.distrogen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link between the project's Markdown pages (README.md, ARCHITECTURE.md,
 * CONTRIBUTING.md, docs/*.md) points to a file that exists and, with a {@code #fragment}, to a
 * heading of that page, named as GitHub names it.
 */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.*?)#* *$");

    @Test
    void everyRelativeLink_pointsToAnExistingFileAndHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            broken.addAll(brokenLinks(Golden.root(), page));
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void everyPageUnderDocs_isLinkedFromTheReadme() throws IOException {
        String readme = Files.readString(Golden.root().resolve("README.md"));
        for (Path page : pages()) {
            Path relative = Golden.root().relativize(page);
            if (relative.startsWith("docs")) {
                assertTrue(readme.contains("](" + relative.toString().replace('\\', '/') + ")"), relative + " is not linked from README.md");
            }
        }
    }

    @Test
    void aMissingFileOrHeading_isReported(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("other.md"), "# Other page\n\n## The `-o DIR` option\n\n```\n# not a heading\n```\n");
        Path page = root.resolve("page.md");
        Files.writeString(page, String.join("\n",
                "[fine](other.md) [fine](other.md#the--o-dir-option) [fine](#a-heading) [web](https://example.org/x)",
                "[gone](missing.md) [no heading](other.md#not-a-heading) [outside](../elsewhere.md)",
                "`[in code](missing-too.md)`",
                "",
                "## A heading",
                ""));
        assertEquals(List.of("page.md: missing.md", "page.md: other.md#not-a-heading", "page.md: ../elsewhere.md"),
                brokenLinks(root, page));
    }

    @Test
    void headingsAreNamedAsGithubNamesThem() {
        assertEquals("image-name-tag-tag-digest-digest", slug("`image NAME [tag TAG] [digest DIGEST]`"));
        assertEquals("examplesnginxnginxdl-both-ways", slug("`examples/nginx/nginx.dl` both ways"));
        assertEquals("dockerfile-and-nix-the-two-image-builds", slug("Dockerfile and Nix: the two image builds"));
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        for (String name : List.of("README.md", "ARCHITECTURE.md", "CONTRIBUTING.md")) {
            pages.add(Golden.root().resolve(name));
        }
        try (Stream<Path> docs = Files.list(Golden.root().resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The links of {@code page} that lead nowhere, as "page: target", in order. */
    static List<String> brokenLinks(Path projectRoot, Path markdownFile) throws IOException {
        Path root = projectRoot.toAbsolutePath().normalize();
        Path page = markdownFile.toAbsolutePath().normalize();
        List<String> broken = new ArrayList<>();
        String name = root.relativize(page).toString();
        Matcher m = LINK.matcher(String.join("\n", prose(Files.readString(page))).replaceAll("`[^`]*`", ""));
        while (m.find()) {
            String target = m.group(1);
            if (SCHEME.matcher(target).find()) {
                continue;
            }
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
            boolean ok = resolved.startsWith(root) && Files.exists(resolved);
            if (ok && hash >= 0) {
                ok = resolved.toString().endsWith(".md") && headings(resolved).contains(target.substring(hash + 1));
            }
            if (!ok) {
                broken.add(name + ": " + target);
            }
        }
        return broken;
    }

    /** The lines of a Markdown text outside fenced code blocks. */
    private static List<String> prose(String markdown) {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The fragment names of a page's headings, as GitHub makes them (a repeated one gets -1, -2, ...). */
    private static Set<String> headings(Path page) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(Files.readString(page))) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String slug = slug(m.group(1));
                int count = seen.merge(slug, 1, Integer::sum);
                names.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return names;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, each space a hyphen. */
    static String slug(String heading) {
        return heading.trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
    }
}
