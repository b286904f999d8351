package app.ferry.browser;

/**
 * A message from the browser that the host refuses: too large, cut short, not JSON, of an
 * unknown version or type, from an extension that is not Ferry's, or with a bad download in it.
 * {@link #code()} is stable for the extension to act on; the message explains it to a person
 * and never quotes a cookie or header value.
 */
public final class HostProtocolException extends Exception {

    private final String code;

    public HostProtocolException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
