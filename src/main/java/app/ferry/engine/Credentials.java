package app.ferry.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP Basic credentials. Kept in memory only: the task store never sees them, so a password
 * typed once is gone when the process ends.
 */
public record Credentials(String user, String password) {

    public Credentials {
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
    }

    /** Parses curl's {@code USER:PASSWORD} form; a missing colon means an empty password. */
    public static Credentials parse(String userColonPassword) {
        int colon = userColonPassword.indexOf(':');
        return colon < 0
                ? new Credentials(userColonPassword, "")
                : new Credentials(userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
    }

    /**
     * The user name and password written in a URL ({@code https://user:pass@host/}), the one
     * place every front end takes them from; {@link NormalizedUrl} has already moved them out of
     * the URI, so they go to an authenticator and never into logs or history.
     */
    public static Optional<Credentials> fromUrl(NormalizedUrl url) {
        return url == null || url.username() == null
                ? Optional.empty() : Optional.of(new Credentials(url.username(), url.password()));
    }

    /** Credentials given explicitly win; else those written in the URL; else none (null). */
    public static Credentials givenOrFromUrl(Credentials given, NormalizedUrl url) {
        return given != null ? given : fromUrl(url).orElse(null);
    }

    /** The value of an {@code Authorization} header (RFC 7617, UTF-8). */
    public String basicAuthorization() {
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=***]";
    }
}
