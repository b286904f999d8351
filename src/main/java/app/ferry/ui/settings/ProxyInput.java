package app.ferry.ui.settings;

import app.ferry.engine.NoProxyEntryProblem;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

/**
 * Checks what was typed in the settings' proxy section and says, in the user's language, what is
 * wrong with it and what to do. Pure: no JavaFX, so every rule is tested without the toolkit.
 *
 * <p>The host field also takes a pasted proxy URL ({@code http://HOST:PORT/}); its port then
 * fills an empty port field. A SOCKS or https proxy is refused (docs/decisions/0007: the JDK client
 * speaks plain HTTP to proxies only). The no-proxy list is checked entry by entry
 * ({@link NoProxyEntryProblem}): the message names the first entry that cannot match and what the
 * list holds.
 */
final class ProxyInput {

    private ProxyInput() {
    }

    /** A message key of the bundle and its arguments. */
    record Problem(String key, List<Object> args) {
        Problem(String key, Object... args) {
            this(key, List.of(args));
        }
    }

    /** Either the choice to save, or the first problem (then {@code choice} is null). */
    record Checked(ProxyChoice choice, Problem problem) {
        boolean valid() {
            return problem == null;
        }
    }

    /**
     * @param mode the selected mode; only {@link ProxyMode#MANUAL} looks at the fields
     * @param hostText host, IP address or {@code http://HOST[:PORT]}
     * @param portText the port field
     * @param hasPassword whether the password field is filled
     */
    static Checked check(ProxyMode mode, String hostText, String portText, String user, boolean hasPassword,
            String noProxy, boolean remember) {
        if (mode != ProxyMode.MANUAL) {
            // The manual fields are kept as typed, so switching back later finds them again.
            return new Checked(new ProxyChoice(mode, hostText, parsePort(portText), user, noProxy, remember), null);
        }
        String host = hostText == null ? "" : hostText.strip();
        String port = portText == null ? "" : portText.strip();
        int schemeEnd = host.indexOf("://");
        if (schemeEnd >= 0) {
            String scheme = host.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            if (scheme.startsWith("socks")) {
                return problem("settings.proxy.error.socks");
            }
            if (!scheme.equals("http")) {
                return problem("settings.proxy.error.scheme", scheme);
            }
            host = host.substring(schemeEnd + 3);
        }
        if (host.endsWith("/")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            return problem("settings.proxy.error.hostMissing");
        }
        if (host.indexOf('@') >= 0) {
            // USER:PASSWORD@HOST pasted whole: not quoted back, it may hold the password.
            return problem("settings.proxy.error.userInHost");
        }
        String portInHost = null;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                return problem("settings.proxy.error.host", hostText.strip());
            }
            String after = host.substring(close + 1);
            host = host.substring(1, close);
            if (after.startsWith(":")) {
                portInHost = after.substring(1);
            } else if (!after.isEmpty()) {
                return problem("settings.proxy.error.host", hostText.strip());
            }
        } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            portInHost = host.substring(host.indexOf(':') + 1);
            host = host.substring(0, host.indexOf(':'));
        }
        if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || "/@?#[]\\\"".indexOf(c) >= 0)) {
            return problem("settings.proxy.error.host", hostText.strip());
        }
        if (portInHost != null) {
            if (port.isEmpty()) {
                port = portInHost;
            } else if (!port.equals(portInHost)) {
                return problem("settings.proxy.error.twoPorts", portInHost, port);
            }
        }
        if (port.isEmpty()) {
            return problem("settings.proxy.error.portMissing");
        }
        int number = parsePort(port);
        if (number == 0) {
            return problem("settings.proxy.error.port", port);
        }
        String name = user == null ? "" : user.strip();
        if (name.indexOf(':') >= 0) {
            // RFC 7617: Basic joins user and password with the first colon.
            return problem("settings.proxy.error.userColon");
        }
        if (name.isEmpty() && hasPassword) {
            return problem("settings.proxy.error.passwordWithoutUser");
        }
        Optional<NoProxyEntryProblem> badEntry = NoProxyEntryProblem.find(noProxy);
        if (badEntry.isPresent()) {
            return problem("settings.proxy.error.noProxy." + badEntry.get().reason().name(), badEntry.get().entry());
        }
        return new Checked(new ProxyChoice(ProxyMode.MANUAL, host, number, name, noProxy, remember && !name.isEmpty()),
                null);
    }

    /** 1..65535, or 0 for anything else. */
    private static int parsePort(String text) {
        if (text == null || text.isBlank() || !text.strip().chars().allMatch(Character::isDigit) || text.strip().length() > 5) {
            return 0;
        }
        int port = Integer.parseInt(text.strip());
        return port >= 1 && port <= 65535 ? port : 0;
    }

    private static Checked problem(String key, Object... args) {
        return new Checked(null, new Problem(key, args));
    }
}
