package app.ferry.engine.net;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * The JDK client's view of {@link ProxyRules}. A refused route answers "direct" here, but never
 * gets that far: {@link ProxiedHttpClient} fails such a request before sending it.
 */
final class RulesProxySelector extends ProxySelector {

    private final ProxyRules rules;

    RulesProxySelector(ProxyRules rules) {
        this.rules = rules;
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (rules.routeFor(uri) instanceof ProxyRoute.Via via) {
            return List.of(new Proxy(Proxy.Type.HTTP, via.proxy().address()));
        }
        return List.of(Proxy.NO_PROXY);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // Nothing to learn: there is one proxy per scheme, and the transfer reports the failure.
    }
}
