package app.ferry;

import java.util.List;

/**
 * Settings that must be in place before the first {@code HttpClient} exists.
 */
final class JvmTuning {

    /**
     * The JDK HTTP client reads the socket into 16 KiB buffers by default; on loopback that
     * costs more than twice the CPU per GiB of a large buffer (measured: ~150 MB/s against
     * ~400 MB/s). 256 KiB rather than 1 MiB: each in-flight slice pins its whole buffer, so with
     * four connections 1 MiB buffers kept ~24 MB live, promoted and then fully collected
     * (1 GiB download, -Xmx64m, 6 interleaved runs each: 1.88 -> 1.69 s, 2.17 -> 1.93 CPU-s,
     * 134 -> 113 MB RSS). A value given on the command line wins.
     */
    static final String HTTP_BUFFER_SIZE = String.valueOf(256 << 10);

    /**
     * The JDK's lists of proxy authentication schemes it refuses to send: by default Basic is
     * refused when tunnelling (CONNECT, used for every https URL through a proxy), a guard for
     * programs that never asked for proxy credentials. Ferry sends Basic credentials only to a
     * proxy the user named with them (--proxy-user, USER:PASSWORD@ in the proxy URL), as curl
     * does; with the default, https through such a proxy would fail with 407 however right the
     * password. The client reads these once, when its first class loads: hence here, before any
     * HttpClient. Values given on the command line win.
     */
    static final List<String> PROXY_AUTH_SCHEME_LISTS = List.of(
            "jdk.http.auth.tunneling.disabledSchemes", "jdk.http.auth.proxying.disabledSchemes");

    private JvmTuning() {
    }

    static void apply() {
        if (System.getProperty("jdk.httpclient.bufsize") == null) {
            System.setProperty("jdk.httpclient.bufsize", HTTP_BUFFER_SIZE);
        }
        for (String property : PROXY_AUTH_SCHEME_LISTS) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, "");
            }
        }
    }
}
