package app.ferry.engine;

import app.ferry.engine.request.RequestOptions;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param request the user's headers, cookies, Referer and User-Agent (none when absent from old state)
 * @param fromPage the web page the download was handed over from (a browser's tab), shown as where
 *     the task came from; null when it came from elsewhere or from old state. Kept without user-info
 *     or fragment: a page URL's {@code user:password@} is a credential and its {@code #…} names no resource
 */
public record DownloadSpec(@JsonProperty("url") URI uri, Path directory, String sha256, int connections, boolean allowHttpsDowngrade,
                           @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = RequestOptions.OmitEmpty.class) RequestOptions request,
                           @JsonInclude(JsonInclude.Include.NON_NULL) URI fromPage)
        implements TransferSpec {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public DownloadSpec {
        Objects.requireNonNull(uri, "url");
        Objects.requireNonNull(directory, "directory");
        request = request == null ? RequestOptions.NONE : request;
        fromPage = fromPage == null ? null : withoutSecrets(fromPage);
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

    public DownloadSpec(URI uri, Path directory, String sha256, int connections, boolean allowHttpsDowngrade,
            RequestOptions request) {
        this(uri, directory, sha256, connections, allowHttpsDowngrade, request, null);
    }

    public DownloadSpec(URI uri, Path directory, String sha256, int connections, boolean allowHttpsDowngrade) {
        this(uri, directory, sha256, connections, allowHttpsDowngrade, RequestOptions.NONE, null);
    }

    /** @param url an http(s) URL, already normalized: parsed here, once */
    public DownloadSpec(String url, Path directory, String sha256, int connections, boolean allowHttpsDowngrade) {
        this(URI.create(url), directory, sha256, connections, allowHttpsDowngrade, RequestOptions.NONE, null);
    }

    public static DownloadSpec of(String url, Path directory) {
        return new DownloadSpec(url, directory, null, 0, false);
    }

    public DownloadSpec withSha256(String hex) {
        return new DownloadSpec(uri, directory, hex, connections, allowHttpsDowngrade, request, fromPage);
    }

    @Override
    public DownloadSpec withRequest(RequestOptions options) {
        return new DownloadSpec(uri, directory, sha256, connections, allowHttpsDowngrade, options, fromPage);
    }

    /** The same download, handed over from {@code page} (null: from no page). */
    public DownloadSpec fromPage(URI page) {
        return new DownloadSpec(uri, directory, sha256, connections, allowHttpsDowngrade, request, page);
    }

    /**
     * {@code page} as it may be saved and shown: no user name or password, no fragment, the rest
     * byte for byte as given (its escapes kept, so the query means what it meant).
     */
    private static URI withoutSecrets(URI page) {
        if (page.isOpaque() || page.getRawAuthority() == null) {
            throw new IllegalArgumentException("The page a download came from must be a web address, not " + page.getScheme() + ":…");
        }
        if (page.getRawUserInfo() == null && page.getRawFragment() == null) {
            return page;
        }
        String authority = page.getRawAuthority();
        StringBuilder out = new StringBuilder(page.getScheme()).append("://")
                .append(authority.substring(authority.lastIndexOf('@') + 1))
                .append(page.getRawPath() == null ? "" : page.getRawPath());
        if (page.getRawQuery() != null) {
            out.append('?').append(page.getRawQuery());
        }
        return URI.create(out.toString());
    }

    @Override
    public Direction direction() {
        return Direction.DOWNLOAD;
    }
}
