package app.ferry.ui.settings;

import app.ferry.engine.Credentials;
import app.ferry.engine.ProxySettings;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The proxy part of the settings, as written to {@code settings.json}: never the password (see
 * {@link ProxyPasswordStore} and docs/decisions/0007). Missing or out-of-range values (an older or
 * hand-edited file) become the defaults, as everywhere in {@link Settings}.
 *
 * @param mode {@link ProxyMode#ENVIRONMENT} by default, as the command line and curl
 * @param host the manual proxy's host name or IP address ("" when none was given)
 * @param port the manual proxy's port, 0 when none was given
 * @param user the manual proxy's user name, "" when it needs none
 * @param noProxy hosts reached directly in manual mode ({@code no_proxy} syntax)
 * @param rememberPassword whether the password is kept in the owner-only file between runs
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProxyChoice(ProxyMode mode, String host, int port, String user, String noProxy, Boolean rememberPassword) {

    /** What a new user gets, and what the hosts of the usual "no proxy" list say (Firefox's, plus ::1). */
    public static final String DEFAULT_NO_PROXY = "localhost, 127.0.0.1, ::1";
    public static final ProxyChoice DEFAULT = new ProxyChoice(null, null, 0, null, null, null);

    public ProxyChoice {
        mode = mode == null ? ProxyMode.ENVIRONMENT : mode;
        host = host == null ? "" : host.strip();
        port = port < 1 || port > 65535 ? 0 : port;
        user = user == null ? "" : user;
        noProxy = noProxy == null ? DEFAULT_NO_PROXY : noProxy.strip();
        rememberPassword = rememberPassword != null && rememberPassword;
    }

    /** True when the manual proxy takes a user name, so a password belongs to it. */
    public boolean needsPassword() {
        return mode == ProxyMode.MANUAL && !user.isEmpty();
    }

    /** {@code http://HOST:PORT}, never with credentials: how the proxy is named in messages and tooltips. */
    public String address() {
        return "http://" + hostAndPort();
    }

    /** {@code HOST:PORT} ({@code [IPV6]:PORT}): the proxy where room is short; the scheme is always http. */
    public String hostAndPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * What the engine is told. A manual choice that cannot be used (an older or hand-edited file
     * without a host or port) falls back to the environment, as a missing setting would.
     *
     * @param password the manual proxy's password, or null when it is not known: then no
     *     credentials are sent at all, so a 407 says the proxy wants some, not that a user name
     *     with an empty password was refused
     */
    public ProxySettings engineSettings(String password) {
        return switch (mode) {
            case NONE -> ProxySettings.NONE;
            case ENVIRONMENT -> ProxySettings.ENVIRONMENT;
            case MANUAL -> host.isEmpty() || port == 0 ? ProxySettings.ENVIRONMENT
                    : new ProxySettings(address(), user.isEmpty() || password == null ? null
                            : new Credentials(user, password), noProxy);
        };
    }
}
