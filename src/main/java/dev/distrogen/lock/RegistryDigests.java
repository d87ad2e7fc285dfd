package dev.distrogen.lock;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.event.EventHandlers;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.image.json.ManifestListTemplate;
import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import com.google.cloud.tools.jib.registry.ManifestAndDigest;
import com.google.cloud.tools.jib.registry.RegistryClient;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.distrogen.model.Platform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Asks an image's registry for the digest its tag points to now, through Google's registry client
 * (jib-core): token and basic auth, manifests and multi-arch indexes alike (an index's own digest,
 * so a pinned FROM stays multi-arch). Credentials come from the Docker config that {@code docker
 * login} writes ($DOCKER_CONFIG/config.json, else ~/.docker/config.json). Only a registry on the
 * loopback interface may be spoken to over plain HTTP, as Docker allows too.
 */
public final class RegistryDigests {

    private final Path dockerConfig;

    public RegistryDigests(Path dockerConfig) {
        this.dockerConfig = dockerConfig;
    }

    /** The Docker config of this user: $DOCKER_CONFIG/config.json, else ~/.docker/config.json. */
    public static Path userDockerConfig() {
        String dir = System.getenv("DOCKER_CONFIG");
        return dir != null && !dir.isEmpty()
                ? Path.of(dir, "config.json")
                : Path.of(System.getProperty("user.home"), ".docker", "config.json");
    }

    /** "sha256:..." of what {@code reference} names in its registry now. */
    public String digestOf(String reference) throws LockException {
        return digestOf(reference, List.of());
    }

    /**
     * The same, for an image the Dockerfile pulls for each of {@code platforms}: the digest is the
     * FROM of every platform's build, so an index must list each platform, and a single image can
     * serve one platform at most. Fails with what is missing otherwise.
     */
    public String digestOf(String reference, List<Platform> platforms) throws LockException {
        return ask(
                reference,
                (client, image) -> {
                    ManifestAndDigest<ManifestTemplate> pulled =
                            client.pullManifest(image.getQualifier());
                    String digest = pulled.getDigest().toString();
                    requirePlatforms(reference, digest, pulled.getManifest(), platforms);
                    return digest;
                });
    }

    /** What one conversation with the registry of an image finds out. */
    @FunctionalInterface
    public interface Request<T> {
        T ask(RegistryClient client, ImageReference image)
                throws IOException, RegistryException, LockException;
    }

    /**
     * Runs {@code request} with a client of {@code reference}'s registry, authenticated for pulling
     * it; a refusal or an unreachable registry becomes a message that names the image and what to
     * do.
     */
    public <T> T ask(String reference, Request<T> request) throws LockException {
        ImageReference image;
        try {
            image = ImageReference.parse(reference);
        } catch (InvalidImageReferenceException e) {
            throw new LockException(reference + " is not an image reference");
        }
        boolean loopback = isLoopback(image.getRegistry());
        FailoverHttpClient http = new FailoverHttpClient(loopback, loopback, event -> {});
        Optional<Credential> credential = credential(image);
        try {
            RegistryClient.Factory factory =
                    RegistryClient.factory(
                            EventHandlers.NONE, image.getRegistry(), image.getRepository(), http);
            credential.ifPresent(factory::setCredential);
            RegistryClient client = factory.newRegistryClient();
            if (!client.doPullBearerAuth() && credential.isPresent()) {
                client.configureBasicAuth();
            }
            return request.ask(client, image);
        } catch (RegistryUnauthorizedException e) {
            throw new LockException(
                    reference
                            + ": the registry "
                            + image.getRegistry()
                            + " refused access (unauthorized"
                            + (credential.isPresent()
                                    ? ", with the credentials in " + dockerConfig
                                    : ", and " + dockerConfig + " holds no credentials for it")
                            + "): log in with docker login "
                            + image.getRegistry()
                            + ", or check that the repository exists and that you may pull it",
                    e);
        } catch (RegistryException e) {
            throw new LockException(
                    reference
                            + ": the registry "
                            + image.getRegistry()
                            + " answered: "
                            + e.getMessage(),
                    e);
        } catch (IOException e) {
            throw new LockException(
                    reference + ": cannot reach the registry " + image.getRegistry() + ": " + e, e);
        } finally {
            try {
                http.shutDown();
            } catch (IOException e) {
                // Nothing is left to read from it.
            }
        }
    }

    private static void requirePlatforms(
            String reference, String digest, ManifestTemplate manifest, List<Platform> platforms)
            throws LockException {
        if (!(manifest instanceof ManifestListTemplate index)) {
            if (platforms.size() > 1) {
                throw new LockException(
                        reference
                                + " ("
                                + digest
                                + ") is one platform's image, not an index: it cannot be the FROM of the spec's "
                                + names(platforms)
                                + " builds; name a multi-platform image, or fewer platforms");
            }
            return;
        }
        List<Platform> missing =
                platforms.stream()
                        .filter(
                                p ->
                                        index.getDigestsForPlatform(p.architecture(), "linux")
                                                .isEmpty())
                        .toList();
        if (!missing.isEmpty()) {
            throw new LockException(
                    reference
                            + " ("
                            + digest
                            + ") has no image for "
                            + names(missing)
                            + ", which the spec's platforms name: name an image built for them, or fewer platforms");
        }
    }

    private static String names(List<Platform> platforms) {
        return String.join(", ", platforms.stream().map(Platform::platformName).toList());
    }

    private Optional<Credential> credential(ImageReference image) throws LockException {
        CredentialRetriever fromConfig =
                CredentialRetrieverFactory.forImage(image, event -> {}).dockerConfig(dockerConfig);
        try {
            return fromConfig.retrieve();
        } catch (CredentialRetrievalException e) {
            throw new LockException(
                    "cannot read the credentials for "
                            + image.getRegistry()
                            + " in "
                            + dockerConfig
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private static boolean isLoopback(String registry) {
        String host = registry.replaceFirst(":[0-9]+$", "");
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }
}
