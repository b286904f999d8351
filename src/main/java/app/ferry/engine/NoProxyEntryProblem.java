package app.ferry.engine;

import app.ferry.engine.net.NoProxyCheck;
import java.util.Optional;

/**
 * What is wrong with one entry of a no-proxy list the user typed (the window's manual proxy,
 * {@code --noproxy}), for a front end to say in its own words: the entry as typed and why it cannot
 * match. The grammar is {@code NoProxy}'s (curl's {@code no_proxy}, plus {@code HOST:PORT}); the
 * environment's {@code no_proxy} is not checked, as curl does not (its bad entries match nothing).
 *
 * @param entry the entry as typed, blanks around it removed
 */
public record NoProxyEntryProblem(String entry, Reason reason) {

    /** Why an entry cannot be used. */
    public enum Reason {
        /** {@code http://example.com/path}: a URL, not a host. */
        URL,
        /** {@code example.com/files}: a name with a path (only an IP address takes a {@code /BITS} block). */
        PATH,
        /** {@code host:80:extra}: more colons than {@code HOST:PORT}, and not an IPv6 address. */
        COLONS,
        /** {@code host:99999}, {@code host:}: the port is not 1 to 65535. */
        PORT,
        /** {@code 10.0.0.0/33}: the block's prefix length is not 0 to 32 (0 to 128 for IPv6). */
        PREFIX,
        /** {@code 999.1.1.1}, {@code 10.}, {@code [example.com]}: looks like an IP address and is none. */
        ADDRESS,
        /** {@code [::1}: a bracket without its pair. */
        BRACKET,
        /** {@code ex*ample.com}: {@code *} only alone or as a leading {@code *.}. */
        WILDCARD,
        /** {@code my host.com}: a blank inside an entry (entries are separated by commas). */
        SPACE,
        /** {@code a@b.com}, {@code a..b}: a character or an empty label a host name cannot have. */
        NAME
    }

    /** The first entry of {@code list} that cannot be used; empty when all can (a blank list included). */
    public static Optional<NoProxyEntryProblem> find(String list) {
        return NoProxyCheck.firstProblem(list);
    }

    /** The command line's sentence: what is wrong and what to write instead. */
    public String english() {
        String why = switch (reason) {
            case URL -> "is a URL: write only its host, e.g. example.com";
            case PATH -> "has a path: write only the host name, e.g. example.com";
            case COLONS -> "has too many colons: write HOST or HOST:PORT (an IPv6 address may be written in brackets)";
            case PORT -> "has a port that is not a number from 1 to 65535";
            case PREFIX -> "has a block size that is not from 0 to 32 (0 to 128 for IPv6), e.g. 10.0.0.0/8";
            case ADDRESS -> "is not an IP address: write four numbers from 0 to 255 (e.g. 10.0.0.1), or a block such as 10.0.0.0/8";
            case BRACKET -> "has a bracket without its pair: write an IPv6 address as [::1] or ::1";
            case WILDCARD -> "has a * inside: * stands alone (every host) or starts a name, as *.example.com";
            case SPACE -> "has a blank inside: separate entries with commas";
            case NAME -> "is not a host name: use letters, digits, - and . only";
        };
        return "“" + entry + "” " + why + ". A no-proxy list holds host names (example.com also covers its"
                + " subdomains), IP addresses, CIDR blocks, HOST:PORT or *, separated by commas.";
    }
}
