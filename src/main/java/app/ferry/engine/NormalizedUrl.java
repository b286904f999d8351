package app.ferry.engine;

import java.net.URI;
import java.util.Objects;

/**
 * A URL ready for {@code java.net.http}: {@code uri} is absolute http(s), fully percent-encoded,
 * with an ASCII host and no user-info or fragment. Credentials found in the typed URL are kept
 * apart, decoded, so they can go to an authenticator instead of into logs and history.
 *
 * @param uri the request URI, never with user-info
 * @param username the decoded user name, or null when the URL had none
 * @param password the decoded password, or null when absent (also possible with a user name)
 */
public record NormalizedUrl(URI uri, String username, String password) {

    public NormalizedUrl {
        Objects.requireNonNull(uri, "uri");
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("uri must not carry user-info: " + uri.getHost());
        }
        if (username == null && password != null) {
            throw new IllegalArgumentException("a password needs a user name");
        }
    }

    /** Hides the password so that logging a task never leaks it. */
    @Override
    public String toString() {
        return "NormalizedUrl[uri=" + uri + ", username=" + username
                + ", password=" + (password == null ? "null" : "***") + "]";
    }
}
