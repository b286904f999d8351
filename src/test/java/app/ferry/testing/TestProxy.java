package app.ferry.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ConnectHandler;
import org.eclipse.jetty.util.Callback;

/**
 * A real forward proxy on 127.0.0.1: Jetty's {@link ProxyHandler.Forward} for plain http
 * requests and its {@link ConnectHandler} for CONNECT tunnels (https), optionally demanding Basic
 * credentials (407 with {@code Proxy-Authenticate} otherwise). Every request it receives is
 * recorded, with the {@code Proxy-Authorization} it carried.
 */
public final class TestProxy implements AutoCloseable {

    /** What reached the proxy: {@code CONNECT 127.0.0.1:443} or {@code GET http://…}. */
    public record Seen(String method, String target, String proxyAuthorization) {
    }

    private final Server jetty = new Server();
    private final ServerConnector connector = new ServerConnector(jetty);
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final String expected;

    private TestProxy(String user, String password) {
        this.expected = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        Handler.Wrapper authenticating = new Handler.Wrapper(new ProxyHandler.Forward()) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String authorization = request.getHeaders().get(HttpHeader.PROXY_AUTHORIZATION);
                seen.add(new Seen(request.getMethod(), request.getHttpURI().toString(), authorization));
                if (!authorized(authorization)) {
                    deny(response);
                    callback.succeeded();
                    return true;
                }
                return super.handle(request, response, callback);
            }
        };
        jetty.setHandler(new ConnectHandler(authenticating) {
            @Override
            protected boolean handleAuthentication(Request request, Response response, String address) {
                String authorization = request.getHeaders().get(HttpHeader.PROXY_AUTHORIZATION);
                seen.add(new Seen("CONNECT", address, authorization));
                if (authorized(authorization)) {
                    return true;
                }
                deny(response);
                return false;
            }
        });
    }

    /** A proxy that lets everyone through. */
    public static TestProxy open() {
        return start(new TestProxy(null, null));
    }

    /** A proxy that answers 407 unless a request carries these Basic credentials. */
    public static TestProxy requiring(String user, String password) {
        return start(new TestProxy(user, password));
    }

    private static TestProxy start(TestProxy proxy) {
        try {
            proxy.jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test proxy", e);
        }
        return proxy;
    }

    private boolean authorized(String authorization) {
        return expected == null || expected.equals(authorization);
    }

    private static void deny(Response response) {
        response.setStatus(407);
        response.getHeaders().put(HttpHeader.PROXY_AUTHENTICATE, "Basic realm=\"test proxy\"");
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT}, or with {@code user:password@} when given. */
    public String url(String userInfo) {
        return "http://" + (userInfo == null ? "" : userInfo + "@") + "127.0.0.1:" + port();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the test proxy", e);
        }
    }
}
