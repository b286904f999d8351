package app.ferry.testing;

import java.util.Locale;
import java.util.Map;

/**
 * A request as the {@link TestServer} saw it on arrival: method, decoded path, headers (the first
 * value of each, names matched without regard to case) and when it came ({@link System#nanoTime}).
 */
public record RecordedRequest(String method, String path, Map<String, String> headers, long nanoTime) {

    /** The first value of header {@code name}, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
