package app.ferry.engine;

import app.ferry.engine.net.NoProxy;
import app.ferry.engine.net.ProxyUrl;

/**
 * What the user asked for about proxies, checked. The defaults ({@link #ENVIRONMENT}) follow the
 * environment as curl does.
 *
 * @param proxy null: the {@code http_proxy} family of environment variables decides; empty: no
 *     proxy at all, whatever the environment says; else the proxy for every request ({@code --proxy})
 * @param user the proxy's credentials ({@code --proxy-user}), for whichever proxy is used; null
 *     for those in the proxy URL, if any
 * @param noProxy null: {@code no_proxy}/{@code NO_PROXY} decide; else this list ({@code --noproxy},
 *     see {@link NoProxy}), which also applies to {@code proxy}
 */
public record ProxySettings(String proxy, Credentials user, String noProxy) {

    /** curl's behaviour with no option: the environment decides. */
    public static final ProxySettings ENVIRONMENT = new ProxySettings(null, null, null);

    /** Never a proxy. */
    public static final ProxySettings NONE = new ProxySettings("", null, null);

    /** @throws IllegalArgumentException when {@code proxy} is not a proxy Ferry can use, saying why */
    public ProxySettings {
        if (proxy != null && !proxy.isBlank()) {
            ProxyUrl.parse(proxy, "The proxy");
        }
    }

    /** (Public for engine.net's ProxyRules.) The manual proxy, with {@link #user} in place of the URL's own credentials; null when there is none. */
    public ProxyUrl manual() {
        if (proxy == null || proxy.isBlank()) {
            return null;
        }
        ProxyUrl url = ProxyUrl.parse(proxy, "The proxy");
        return user == null ? url : url.withCredentials(user);
    }

    /** Never shows a password: neither {@code --proxy-user}'s nor one written in the proxy URL. */
    @Override
    public String toString() {
        String shown = proxy == null ? "from the environment" : proxy.isBlank() ? "none" : manual().toString();
        return "ProxySettings[proxy=" + shown + ", user=" + (user == null ? "-" : user.user() + ":***")
                + ", noProxy=" + (noProxy == null ? "from the environment" : noProxy) + "]";
    }
}
