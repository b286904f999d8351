/**
 * How Ferry reaches servers: which proxy a request goes through (the {@code http_proxy} family of
 * environment variables as curl reads them, or a proxy the user set), the proxy's credentials,
 * and which certificate authorities are trusted (Java's and the operating system's).
 *
 * <p>The rest of the engine does not know a proxy exists: {@link app.ferry.engine.net.NetworkSettings#client}
 * hands it an {@code HttpClient} that routes, authenticates to the proxy and reports a proxy's
 * refusal by itself.
 */
package app.ferry.engine.net;
