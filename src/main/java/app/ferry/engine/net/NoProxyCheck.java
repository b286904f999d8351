package app.ferry.engine.net;

import app.ferry.engine.NoProxyEntryProblem;
import app.ferry.engine.NoProxyEntryProblem.Reason;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a no-proxy list the user typed against {@link NoProxy}'s grammar, entry by entry, so a
 * typo is said at once instead of silently matching nothing (which {@link NoProxy#parse} does, as
 * curl does with the environment's {@code no_proxy}).
 *
 * <p>What is accepted, as curl users would expect: entries separated by commas, blanks around them
 * ignored, empty entries ({@code a,,b}, a trailing comma) dropped as curl drops them. A blank
 * <em>inside</em> an entry is refused: curl still reads {@code "a b"} as two entries but calls that
 * deprecated, and in a form it is more likely a typo ({@code my host.com}).
 */
public final class NoProxyCheck {

    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]*[0-9][0-9.]*");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,5}");

    private NoProxyCheck() {
    }

    /** The first entry that cannot be used, or empty. */
    public static Optional<NoProxyEntryProblem> firstProblem(String list) {
        if (list == null) {
            return Optional.empty();
        }
        for (String raw : list.split(",", -1)) {
            String entry = raw.strip();
            if (entry.isEmpty() || entry.equals("*")) {
                continue;
            }
            Reason reason = reason(entry);
            if (reason != null) {
                return Optional.of(new NoProxyEntryProblem(entry, reason));
            }
        }
        return Optional.empty();
    }

    /** Why {@code entry} (stripped, not empty) cannot be used; null when it can. */
    static Reason reason(String entry) {
        if (entry.chars().anyMatch(Character::isWhitespace)) {
            return Reason.SPACE;
        }
        if (entry.contains("://")) {
            return Reason.URL;
        }
        if (entry.startsWith("[")) {
            return bracketed(entry);
        }
        if (entry.indexOf(']') >= 0) {
            return Reason.BRACKET;
        }
        int colons = (int) entry.chars().filter(c -> c == ':').count();
        if (colons >= 2) {
            // A bare IPv6 address, or a block of them; anything else has a colon too many.
            byte[] address = NoProxy.literal(withoutPrefix(entry));
            return address != null ? prefix(entry, address.length * 8) : Reason.COLONS;
        }
        String host = entry;
        if (colons == 1) {
            int colon = entry.indexOf(':');
            if (!port(entry.substring(colon + 1))) {
                return Reason.PORT;
            }
            host = entry.substring(0, colon);
        }
        return host(host);
    }

    private static Reason bracketed(String entry) {
        int close = entry.indexOf(']');
        if (close < 0 || entry.indexOf('[', 1) >= 0 || entry.indexOf(']', close + 1) >= 0) {
            return Reason.BRACKET;
        }
        String inside = entry.substring(1, close);
        if (inside.indexOf(':') < 0 || NoProxy.literal(inside) == null) {
            return Reason.ADDRESS; // Brackets hold an IPv6 address only.
        }
        String after = entry.substring(close + 1);
        if (after.isEmpty()) {
            return null;
        }
        if (after.startsWith(":")) {
            return port(after.substring(1)) ? null : Reason.PORT;
        }
        if (after.startsWith("/")) {
            return bits(after.substring(1), NoProxy.literal(inside).length * 8) ? null : Reason.PREFIX;
        }
        return Reason.COLONS;
    }

    /** A host without a port: a name, an IP address, or an IP block. */
    private static Reason host(String host) {
        if (host.isEmpty()) {
            return Reason.NAME;
        }
        int slash = host.indexOf('/');
        String before = slash >= 0 ? host.substring(0, slash) : host;
        byte[] address = NoProxy.literal(before);
        if (address != null) {
            return slash < 0 ? null : prefix(host, address.length * 8);
        }
        if (DIGITS_AND_DOTS.matcher(before).matches()) {
            return Reason.ADDRESS;
        }
        if (slash >= 0) {
            return Reason.PATH;
        }
        return name(host);
    }

    private static Reason name(String host) {
        String name = host;
        if (name.startsWith("*.")) {
            name = name.substring(2);
        } else if (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.indexOf('*') >= 0) {
            return Reason.WILDCARD;
        }
        if (name.isEmpty()) {
            return Reason.NAME;
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty() || !label.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                return Reason.NAME;
            }
        }
        return null;
    }

    private static Reason prefix(String entry, int maxBits) {
        int slash = entry.indexOf('/');
        return slash < 0 || bits(entry.substring(slash + 1), maxBits) ? null : Reason.PREFIX;
    }

    private static String withoutPrefix(String entry) {
        int slash = entry.indexOf('/');
        return slash < 0 ? entry : entry.substring(0, slash);
    }

    private static boolean bits(String text, int max) {
        if (!DIGITS.matcher(text).matches()) {
            return false;
        }
        int bits = Integer.parseInt(text);
        return bits <= max;
    }

    private static boolean port(String text) {
        if (!DIGITS.matcher(text).matches()) {
            return false;
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535;
    }
}
