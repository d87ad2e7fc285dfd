package dev.distrogen.model;

import java.util.Set;

/**
 * Nix's reserved words, the one list every part of distrogen checks against: a nixpkgs attribute
 * path of the spec, an attribute or binding name in the generated expression, a name for init.
 */
public final class NixKeywords {

    /**
     * The words Nix's lexer reserves: none can stand as an identifier (`let in = 1;` does not
     * parse).
     */
    public static final Set<String> ALL =
            Set.of("assert", "else", "if", "in", "inherit", "let", "or", "rec", "then", "with");

    private NixKeywords() {}

    public static boolean contains(String word) {
        return ALL.contains(word);
    }
}
