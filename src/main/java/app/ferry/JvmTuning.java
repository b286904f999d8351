package app.ferry;

/**
 * Settings that must be in place before the first {@code HttpClient} exists.
 */
final class JvmTuning {

    /**
     * The JDK HTTP client reads the socket into 16 KiB buffers by default; on loopback that
     * costs more than twice the CPU per GiB of a 1 MiB buffer (measured: ~150 MB/s against
     * ~400 MB/s). A value given on the command line wins.
     */
    static final String HTTP_BUFFER_SIZE = String.valueOf(1 << 20);

    private JvmTuning() {
    }

    static void apply() {
        if (System.getProperty("jdk.httpclient.bufsize") == null) {
            System.setProperty("jdk.httpclient.bufsize", HTTP_BUFFER_SIZE);
        }
    }
}
