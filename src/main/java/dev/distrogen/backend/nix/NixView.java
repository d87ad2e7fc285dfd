package dev.distrogen.backend.nix;

import java.util.List;

/** What the Nix template lays out: comments and code blocks, already formatted and escaped. */
public record NixView(String specName, List<String> buildCommands, List<String> bindings, String call) {
}
