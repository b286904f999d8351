package app.ferry.browser;

import java.util.Objects;

/**
 * One cookie the browser holds for a download's URL, as {@code cookies.getAll({url})} gives it.
 * The value is a secret: {@link #toString()} never shows it, so a log line or an exception
 * message that prints a download cannot leak a session.
 *
 * @param expiresAt seconds since the epoch, or null for a session cookie (it lives as long as the task needs it)
 */
public record BrowserCookie(String name, String value, String domain, String path, boolean secure, Long expiresAt) {

    public BrowserCookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(path, "path");
    }

    @Override
    public String toString() {
        return "BrowserCookie[" + name + "=<hidden>; domain=" + domain + "; path=" + path + (secure ? "; secure" : "") + "]";
    }
}
