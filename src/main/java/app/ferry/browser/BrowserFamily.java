package app.ferry.browser;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The browsers Ferry registers its host with; Chromium and Chrome read the same manifest format, Firefox its own. */
public enum BrowserFamily {
    CHROMIUM, CHROME, FIREFOX;

    /** The name a user types: {@code chromium}, {@code chrome}, {@code firefox}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the choices, for the user */
    public static BrowserFamily ofCliName(String name) {
        for (BrowserFamily family : values()) {
            if (family.cliName().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return family;
            }
        }
        throw new IllegalArgumentException("there is no browser \"" + name + "\"; choose "
                + Arrays.stream(values()).map(BrowserFamily::cliName).collect(Collectors.joining(", ")));
    }
}
