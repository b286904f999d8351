package app.ferry.engine.net;

import app.ferry.engine.Problem;

/** Where one request goes: straight to the server, through a proxy, or nowhere (with the reason, coded). */
public sealed interface ProxyRoute {

    /** Straight to the server. */
    record Direct() implements ProxyRoute {
    }

    /** Through an HTTP proxy (CONNECT for https). */
    record Via(ProxyUrl proxy) implements ProxyRoute {
    }

    /**
     * The configured proxy cannot be used (a SOCKS proxy, a malformed variable): failing is safer
     * than going direct, which would bypass a proxy the user relies on.
     */
    record Refused(Problem reason) implements ProxyRoute {
    }
}
