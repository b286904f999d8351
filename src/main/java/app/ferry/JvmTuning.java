package app.ferry;

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

    private JvmTuning() {
    }

    static void apply() {
        if (System.getProperty("jdk.httpclient.bufsize") == null) {
            System.setProperty("jdk.httpclient.bufsize", HTTP_BUFFER_SIZE);
        }
    }
}
