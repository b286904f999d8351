package app.ferry.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build of Ferry, written by Maven into {@code app/ferry/version.properties}. */
public final class FerryBuild {

    private static final String VERSION = readVersion();

    private FerryBuild() {
    }

    public static String version() {
        return VERSION;
    }

    /** Sent with every request, so server operators can tell who is calling. */
    public static String userAgent() {
        return "Ferry/" + VERSION;
    }

    private static String readVersion() {
        try (InputStream in = FerryBuild.class.getResourceAsStream("/app/ferry/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Ferry's version resource", e);
        }
    }
}
