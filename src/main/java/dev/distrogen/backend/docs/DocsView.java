package dev.distrogen.backend.docs;

import java.util.List;

/**
 * What the docs template lays out; every string already escaped for Markdown (tables, inline code)
 * or for the shell (commands).
 *
 * @param facts rows of the "what it holds" table: name, then value
 * @param env rows of NAME, VALUE
 * @param dirs rows of PATH, OWNER, MODE
 * @param configs rows of PATH, OWNER, MODE, SOURCE
 * @param runCommand the docker run line for a read-only root filesystem, continued with \
 * @param sbom whether the image carries package metadata for scanners ({@code sbom on})
 * @param sbomPath where the image holds its CycloneDX SBOM (Nix, rpm build stages)
 * @param nixBuilder whether the Dockerfile's build stage is nix ({@code docker { builder nix }})
 * @param nixPackage the command that builds the app's nixpkgs package, whose closure the Nix image
 *     holds
 * @param pinnedReference what a runtime pulls: the reference, with the spec's digest if any
 * @param selector the label selector of the app's pods, a shell word
 * @param namespaceOption " -n NAMESPACE" when the spec names one, else empty
 * @param kubernetesObjects what k8s.yaml holds, in a sentence of Markdown
 * @param persistent whether a dir keeps its data in a named volume
 * @param signed whether the workflow of {@code --target all} pushes and signs the image (its name
 *     has a registry)
 * @param signedReference NAME@DIGEST of what the workflow signed (the spec's digest, else a
 *     placeholder), a shell word
 * @param signerIdentity the certificate identity cosign verify expects, a shell word, with
 *     OWNER/REPO to fill in
 * @param signerIssuer the OIDC issuer of that certificate
 * @param platforms the spec's platforms as --platform takes them ("linux/amd64,linux/arm64"), or
 *     null: the builder's own
 * @param nixLoads the Nix build and load command of each platform's system, in the same order
 */
public record DocsView(
        String title,
        String description,
        String specName,
        List<List<String>> facts,
        List<List<String>> env,
        List<List<String>> dirs,
        List<List<String>> configs,
        String reference,
        String specArg,
        String nixLoad,
        String runCommand,
        String containerName,
        String kubernetesContainer,
        boolean sbom,
        String sbomPath,
        boolean nixBuilder,
        String nixPackage,
        String pinnedReference,
        String selector,
        String namespaceOption,
        String kubernetesObjects,
        boolean persistent,
        boolean signed,
        String signedReference,
        String signerIdentity,
        String signerIssuer,
        String platforms,
        List<String> nixLoads) {}
