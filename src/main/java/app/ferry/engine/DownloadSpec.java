package app.ferry.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A download of {@code uri} into {@code directory}.
 *
 * @param sha256 expected SHA-256 in hex, or null; checked before the file is moved into place
 * @param connections connections to split the file over; 0 means the queue's default
 * @param allowHttpsDowngrade follow a redirect from https to http (off: such a redirect fails the task)
 */
public record DownloadSpec(@JsonProperty("url") URI uri, Path directory, String sha256, int connections, boolean allowHttpsDowngrade)
        implements TransferSpec {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public DownloadSpec {
        Objects.requireNonNull(uri, "url");
        Objects.requireNonNull(directory, "directory");
        if (sha256 != null) {
            sha256 = sha256.trim().toLowerCase(Locale.ROOT);
            if (!SHA256_HEX.matcher(sha256).matches()) {
                throw new IllegalArgumentException("\"" + sha256 + "\" is not a SHA-256: expected 64 hex digits");
            }
        }
        if (connections < 0 || connections > 16) {
            throw new IllegalArgumentException("connections must be between 1 and 16 (0 for the default), not " + connections);
        }
    }

    /** @param url an http(s) URL, already normalized: parsed here, once */
    public DownloadSpec(String url, Path directory, String sha256, int connections, boolean allowHttpsDowngrade) {
        this(URI.create(url), directory, sha256, connections, allowHttpsDowngrade);
    }

    public static DownloadSpec of(String url, Path directory) {
        return new DownloadSpec(url, directory, null, 0, false);
    }

    public DownloadSpec withSha256(String hex) {
        return new DownloadSpec(uri, directory, hex, connections, allowHttpsDowngrade);
    }

    @Override
    public Direction direction() {
        return Direction.DOWNLOAD;
    }
}
