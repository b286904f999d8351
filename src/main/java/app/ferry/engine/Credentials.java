package app.ferry.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

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
