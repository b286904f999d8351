package app.ferry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into {@code app/ferry/version.properties}. */
public final class FerryVersion implements IVersionProvider {

    public static String current() {
        try (InputStream in = FerryVersion.class.getResourceAsStream("/app/ferry/version.properties")) {
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

    @Override
    public String[] getVersion() {
        return new String[] {
            "Ferry " + current(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
