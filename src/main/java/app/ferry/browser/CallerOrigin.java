package app.ferry.browser;

import java.util.List;
import java.util.Optional;

/**
 * Which extension started the host, from the host's command line. Chromium-based browsers pass
 * the caller's origin {@code chrome-extension://ID/} as the first argument (on Windows followed by
 * {@code --parent-window=N}); Firefox passes the path of the host manifest and then the add-on id.
 *
 * @param firefox whether {@link #extensionId()} is a Firefox add-on id rather than a Chromium extension id
 */
record CallerOrigin(String extensionId, boolean firefox) {

    private static final String CHROMIUM_SCHEME = "chrome-extension://";

    /** The caller named by the arguments, or empty when they name none a browser would pass. */
    static Optional<CallerOrigin> fromArguments(List<String> args) {
        if (!args.isEmpty() && args.getFirst().startsWith(CHROMIUM_SCHEME)) {
            String id = args.getFirst().substring(CHROMIUM_SCHEME.length());
            id = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
            return id.isEmpty() ? Optional.empty() : Optional.of(new CallerOrigin(id, false));
        }
        if (args.size() >= 2 && args.getFirst().endsWith(".json") && !args.get(1).isBlank()) {
            return Optional.of(new CallerOrigin(args.get(1), true));
        }
        return Optional.empty();
    }
}
