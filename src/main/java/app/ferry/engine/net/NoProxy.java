package app.ferry.engine.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hosts that bypass the proxy: a {@code no_proxy} list read as curl reads it, with ports as
 * an addition.
 *
 * <ul>
 *   <li>Entries are separated by commas and/or blanks; case and a trailing dot do not matter.</li>
 *   <li>{@code *} matches every host.</li>
 *   <li>A name matches itself and every name under it: {@code example.com} (and {@code .example.com},
 *       and {@code *.example.com}) match {@code example.com} and {@code www.example.com}, not
 *       {@code notexample.com}.</li>
 *   <li>An IP address matches that address, a CIDR block ({@code 10.0.0.0/8}, {@code fd00::/8}) the
 *       addresses in it; IPv6 may be written in brackets. A URL with an IP address is matched only
 *       against addresses, a URL with a name only against names: nothing is resolved.</li>
 *   <li>{@code HOST:PORT} (or {@code [IPV6]:PORT}) matches that host on that port only. curl
 *       ignores such entries; Go, Python and wget honour them.</li>
 * </ul>
 */
public final class NoProxy {

    /** Matches no host. */
    public static final NoProxy NONE = new NoProxy(List.of(), false);

    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<Entry> entries;
    private final boolean everything;

    private NoProxy(List<Entry> entries, boolean everything) {
        this.entries = entries;
        this.everything = everything;
    }

    /** Parses a list; null or blank is {@link #NONE}. Entries that cannot match anything are dropped. */
    public static NoProxy parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Entry> entries = new ArrayList<>();
        boolean everything = false;
        for (String token : SEPARATORS.split(list.strip())) {
            if (token.equals("*")) {
                everything = true;
            } else if (!token.isEmpty()) {
                Entry entry = Entry.parse(token);
                if (entry != null) {
                    entries.add(entry);
                }
            }
        }
        return new NoProxy(List.copyOf(entries), everything);
    }

    /** True when a request to {@code host} on {@code port} goes direct. {@code host} as in a URI (IPv6 in brackets or not). */
    public boolean matches(String host, int port) {
        if (everything) {
            return true;
        }
        if (entries.isEmpty() || host == null || host.isEmpty()) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        byte[] address = literal(bare);
        String name = address == null ? normalise(bare) : null;
        for (Entry entry : entries) {
            if (entry.port >= 0 && entry.port != port) {
                continue;
            }
            if (address != null ? entry.matchesAddress(address) : entry.matchesName(name)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return !everything && entries.isEmpty();
    }

    /** An IP literal's bytes, or null for a name. Never resolves. */
    static byte[] literal(String host) {
        boolean v6 = host.indexOf(':') >= 0;
        if (!v6 && !IPV4.matcher(host).matches()) {
            return null;
        }
        if (v6 && !host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return null;
        }
        try {
            // ofLiteral never asks DNS (getByName would, for "999.1.1.1").
            return InetAddress.ofLiteral(host).getAddress();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String normalise(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** One entry: a name suffix, or an address with a prefix length; {@code port} -1 for any. */
    private record Entry(String name, byte[] address, int bits, int port) {

        static Entry parse(String token) {
            String host = token;
            int port = -1;
            if (token.startsWith("[")) {
                int close = token.indexOf(']');
                if (close < 0) {
                    return null;
                }
                host = token.substring(1, close);
                String after = token.substring(close + 1);
                if (after.startsWith(":")) {
                    port = port(after.substring(1));
                    if (port < 0) {
                        return null;
                    }
                } else if (!after.isEmpty() && !after.startsWith("/")) {
                    return null;
                } else {
                    host = host + after;
                }
            } else if (token.indexOf(':') == token.lastIndexOf(':') && token.indexOf(':') >= 0) {
                // One colon: HOST:PORT. Two or more: a bare IPv6 address.
                int colon = token.indexOf(':');
                port = port(token.substring(colon + 1));
                if (port < 0) {
                    return null;
                }
                host = token.substring(0, colon);
            }
            int slash = host.indexOf('/');
            String addressPart = slash >= 0 ? host.substring(0, slash) : host;
            byte[] address = literal(addressPart);
            if (address != null) {
                int bits = address.length * 8;
                if (slash >= 0) {
                    try {
                        bits = Integer.parseInt(host.substring(slash + 1));
                    } catch (NumberFormatException e) {
                        return null;
                    }
                    if (bits < 0 || bits > address.length * 8) {
                        return null;
                    }
                }
                return new Entry(null, address, bits, port);
            }
            if (slash >= 0) {
                return null;
            }
            String name = normalise(host);
            while (name.startsWith("*.") || name.startsWith(".")) {
                name = name.substring(name.charAt(0) == '*' ? 2 : 1);
            }
            return name.isEmpty() || name.contains("*") ? null : new Entry(name, null, 0, port);
        }

        private static int port(String text) {
            try {
                int port = Integer.parseInt(text);
                return port >= 1 && port <= 65535 ? port : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        boolean matchesName(String host) {
            return name != null && (host.equals(name) || host.endsWith("." + name));
        }

        boolean matchesAddress(byte[] host) {
            if (address == null || address.length != host.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != host[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[whole] & mask) == (host[whole] & mask);
        }
    }
}
