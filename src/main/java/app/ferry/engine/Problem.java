package app.ferry.engine;

import java.util.List;
import java.util.Objects;

/**
 * What went wrong (or, in a task's history, what happened), said for the person using Ferry: a
 * stable {@code code} and its {@code args}, from which any front end can render the message in
 * its own language, and the English rendering ({@code english}: what happened, then what to do).
 * Built by {@link ProblemClassifier}, the one place that turns an exception into words, and by the
 * engine where it phrases a failure or a history note itself; the command line prints
 * {@code english}, the window renders the code. Saved with the task (old state files have none:
 * front ends then show the English message they kept).
 *
 * <p>Arguments are data (numbers, URLs, paths, host names, header values), never English words,
 * except for {@link Code#STATED} and {@link Code#OTHER}, whose text is only English.
 *
 * @param transientFault whether waiting can fix it (a dropped connection, a busy server); a
 *     problem the user has to fix (a folder where a file should be, a server that does not speak
 *     HTTP, a refused certificate) is not retried
 * @param cause the problem this one wraps (a retry's, or the last one before giving up), or null
 */
public record Problem(Code code, List<String> args, String english, boolean transientFault, Problem cause) {

    /** The kinds of problem; each names the arguments its message takes, in order. */
    public enum Code {
        /** (reason) the server did not answer within the connect or request timeout. */
        TIMED_OUT,
        /** (reason) nothing listens there, or the host is unreachable. */
        CANNOT_CONNECT,
        /** (host) the host name is not known to the name service. */
        UNKNOWN_HOST,
        /** () the server closed the connection before sending any answer. */
        NO_ANSWER,
        /** () or (received, announced) the connection was closed while an answer was being received. */
        CONNECTION_CLOSED,
        /** (seconds) nothing arrived for the idle timeout; Ferry reconnects. */
        IDLE,
        /** (details) the answer was not valid HTTP. */
        PROTOCOL,
        /** (path, reason) a local file or folder could not be used. */
        LOCAL_FILE,
        /** (position) the disk filled up while writing at this byte; what was written is kept. */
        DISK_FULL,
        /** (reason) the server's certificate could not be verified. */
        UNTRUSTED_CERTIFICATE,
        /** (status, url, excerpt) the server answered with an error status; excerpt may be empty. */
        HTTP_STATUS,
        /** (status, url) a download's file is not at its address (404, 410). */
        NOT_FOUND,
        /** (realm) the server asks for a user name and password; realm may be empty. */
        CREDENTIALS_NEEDED,
        /** (realm, user) the server refused the user name and password given; realm may be empty. */
        CREDENTIALS_REFUSED,
        /** (realm) the server refused the task's own Authorization header; realm may be empty. */
        AUTHORIZATION_REFUSED,
        /** (expected, actual, partial file) the downloaded bytes do not have the SHA-256 asked for. */
        CHECKSUM_MISMATCH,
        /** (attempts) transient faults that did not go away; the cause says the last one. */
        GAVE_UP,
        /** () a request with a body that must not be sent twice was not retried; the cause says why it failed. */
        NOT_RETRIED,
        /** (attempt, milliseconds) history: an attempt failed (the cause), another follows after the wait. */
        RETRYING,
        /** (url) history: the transfer started from the first byte. */
        STARTED,
        /** (offset) history: the transfer continued at a byte offset. */
        RESUMED,
        /** (connections, url) history: a download started over several connections. */
        STARTED_SEGMENTED,
        /** (done, total, connections) history: a download continued over several connections. */
        RESUMED_SEGMENTED,
        /** (url) history: a redirect was followed. */
        REDIRECTED,
        /** (status, url) history: a 307/308 was followed, sending the body again. */
        REDIRECTED_WITH_BODY,
        /** (status, expired url, original url) history: the address a redirect gave answered 403/404/410; the link is asked again. */
        LINK_EXPIRED,
        /** (name, coding) history: a file sent compressed unasked is saved decoded (and cannot resume). */
        ENCODING_DECODED,
        /** (name, coding) history: a compressed file labelled with its coding is saved as sent. */
        ENCODING_KEPT,
        /** (host) history: this server answered ranges wrongly before: one connection. */
        ONE_CONNECTION,
        /** (host) history: later downloads from this server use one connection until Ferry restarts. */
        ONE_CONNECTION_LATER,
        /** () history and failure: the file on the server changed, the download starts again from zero. */
        FILE_CHANGED,
        /** (path) history: the download was saved under this file. */
        SAVED_AS,
        /** (status, url) history: the server accepted the upload. */
        UPLOADED,
        /** (bytes) history: paused with this many bytes safely stored. */
        PAUSED,
        /** (path) history: the finished file was renamed. */
        RENAMED,
        /** (name) history: the download will be saved under this name. */
        SAVE_AS,
        /** (host) history: the task was given a new link. */
        NEW_LINK,
        /** (header names) history: the task was given other request options (names only: values may be secrets). */
        NEW_REQUEST_OPTIONS,
        /** () history: a rerun without request options dropped the saved ones. */
        REQUEST_OPTIONS_CLEARED,
        /** (proxy) the HTTP proxy answered 407: it wants a user name and password. */
        PROXY_CREDENTIALS_NEEDED,
        /** (proxy) the HTTP proxy answered 407 to the user name and password given for it. */
        PROXY_CREDENTIALS_REFUSED,
        /** (source, proxy, host:port) a SOCKS proxy is configured: Ferry speaks only to HTTP proxies. */
        PROXY_SOCKS,
        /** (source, proxy, host:port) an https:// proxy is configured: Ferry talks to a proxy in plain HTTP. */
        PROXY_HTTPS,
        /** (source, proxy, scheme) a proxy URL with a scheme other than http. */
        PROXY_SCHEME,
        /** (source, proxy, fault) not a proxy address; fault is ipv6Unclosed, afterIpv6, noHost, portNumber or portRange. */
        PROXY_INVALID,
        /** (source) the proxy user or password has a broken %-escape. */
        PROXY_ESCAPE,
        /** (name) a request header name with characters a header name cannot have. */
        HEADER_NAME,
        /** (name) a request header value with a line break. */
        HEADER_LINE_BREAK,
        /** (name) a request header value with a control character other than a tab. */
        HEADER_CONTROL,
        /** (name) Proxy-Authorization given as a header: the proxy's credentials go with the proxy. */
        HEADER_PROXY_AUTH,
        /** (header name) a header value, User-Agent or Referer with a character outside ASCII. */
        NOT_ASCII,
        /** (name) a cookie value with a character outside ASCII. */
        COOKIE_NOT_ASCII,
        /** () a form upload (-F) with its own Content-Type header: the boundary is Ferry's. */
        HEADER_FORM_TYPE,
        /** (name) a header the HTTP client sets itself (Host, Content-Length...). */
        HEADER_CLIENT_SETS,
        /** (name) a header Ferry sets itself to resume safely (Range, Accept-Encoding, tus). */
        HEADER_FERRY_SETS,
        /** () a header line without a name before its colon. */
        HEADER_NO_NAME,
        /** (line) a header line of a dialog's field is wrong; the cause says how. */
        HEADER_LINE,
        /** (number) a cookie pair without NAME= before its value. */
        COOKIE_NO_NAME,
        /** (name) a cookie name with spaces, '=', ';' or ','. */
        COOKIE_NAME,
        /** (name) a cookie value with ';' or a control character. */
        COOKIE_VALUE,
        /** (header name) a User-Agent or Referer with a line break or control character. */
        NOT_ONE_LINE,
        /** () no URL given. */
        URL_MISSING,
        /** () an empty URL. */
        URL_EMPTY,
        /** (url) a URL without http:// or https://. */
        URL_NO_SCHEME,
        /** (url) a URL of another scheme than http(s). */
        URL_NOT_HTTP,
        /** (url, scheme) a URL without a host. */
        URL_NO_HOST,
        /** (url) an IPv6 address without its closing ']'. */
        URL_IPV6_UNCLOSED,
        /** (url) text after an IPv6 address other than :port. */
        URL_AFTER_IPV6,
        /** (url, reason) not a valid URL; the reason is the JDK's. */
        URL_INVALID,
        /** (url, host) an invalid host name. */
        URL_BAD_HOST,
        /** (url) a badly percent-encoded host name. */
        URL_HOST_PERCENT,
        /** (url) an invalid international host name. */
        URL_BAD_IDN,
        /** (url, port) a port that is not a number from 1 to 65535. */
        URL_BAD_PORT,
        /** (url) a user name or password that is not valid percent-encoded UTF-8. */
        URL_USER_INFO,
        /** (url) a lone surrogate in the URL. */
        URL_BROKEN_CHARACTER,
        /** (limit, url) more redirects than Ferry follows, starting at the url. */
        TOO_MANY_REDIRECTS,
        /** (status, url) a redirect without a Location header. */
        REDIRECT_WITHOUT_LOCATION,
        /** (location) a redirect to an address that is not a valid URL. */
        REDIRECT_INVALID,
        /** (url) a redirect to an address that is not http(s). */
        REDIRECT_NOT_HTTP,
        /** (from, to) a redirect from https to http, refused without the user's leave. */
        REDIRECT_INSECURE,
        /** (times) a download restarted from zero this many times; the cause says the last reason. */
        RESTARTED_TOO_OFTEN,
        /** () a 401 without a WWW-Authenticate challenge Ferry can answer. */
        NO_CHALLENGE,
        /** (status, method, location) an upload answered with a 301–303, which would lose its body. */
        UPLOAD_REDIRECTED,
        /** (status, url, values) an answer with conflicting Content-Length values. */
        CONFLICTING_LENGTH,
        /** (path) history: the partial file is shorter than the saved state says; starting from zero. */
        PARTIAL_SHORTER,
        /** (path) history: the partial file is gone; starting from zero. */
        PARTIAL_GONE,
        /** (offset, content range) history: the server cannot send bytes from the offset; starting from zero. */
        RANGE_UNSATISFIABLE,
        /** () history: the whole file came instead of the rest; starting from zero. */
        WHOLE_FILE_INSTEAD,
        /** (coding) history: the rest came compressed and cannot be joined; starting from zero. */
        REST_COMPRESSED,
        /** () history: the file changed during a segmented download; starting from zero. */
        CHANGED_IN_SEGMENTS,
        /** () history: a range request got the whole file; one connection, from zero. */
        SEGMENT_WHOLE_FILE,
        /** (first, last) history: the server cannot send these bytes any more; starting from zero. */
        SEGMENT_GONE,
        /** (first, last, coding) history: a segment came compressed; one connection, from zero. */
        SEGMENT_COMPRESSED,
        /** (status, first, last, url) a segment's request answered with an unexpected status. */
        SEGMENT_STATUS,
        /** (first, last, position) a segment's connection closed early. */
        SEGMENT_CLOSED,
        /** (missing ranges) the connections stopped before every range arrived. */
        SEGMENTS_INCOMPLETE,
        /** (total) the server sent more than the length it announced. */
        TOO_MUCH_DATA,
        /** (name, coding) a file compressed with a coding Ferry cannot decode: nothing saved. */
        UNDECODABLE,
        /** (coding, reason) bytes labelled compressed do not decode. */
        DAMAGED_ENCODING,
        /** (reason, position) writing the partial file failed; what was written is kept. */
        WRITE_FAILED,
        /** (path) history: the file changed since its tus upload started; a fresh upload. */
        UPLOAD_FILE_CHANGED,
        /** (status, url) history: the tus server no longer has the upload (404, 410); a fresh upload. */
        UPLOAD_EXPIRED,
        /** (offset, length) a tus server claims more bytes than the file has. */
        UPLOAD_OFFSET_BEYOND,
        /** (url) history: a tus upload finished at this address. */
        UPLOADED_TO,
        /** (content range, first, last) a 206 that is not the part asked for; the Content-Range may be "", last "" for "to the end". */
        RANGE_MISMATCH,
        /** () history: ranges answered wrongly (the cause); one connection, from zero. */
        RANGES_WRONG,
        /** () history: a resume answered with the wrong part (the cause); starting from zero. */
        RESUME_RANGE_WRONG,
        /** (offset) history: the bytes re-fetched before the offset differ: the file changed, starting from zero. */
        OVERLAP_DIFFERS,
        /** (path) the file changed, vanished or was replaced during its upload; the upload stopped. */
        UPLOAD_FILE_CHANGED_DURING,
        /** (method, url, status) a tus request answered with a status the protocol does not expect. */
        TUS_FAILED,
        /** (method, url, status) a tus answer that breaks the protocol (a header missing or wrong). */
        TUS_PROTOCOL,
        /** (file) the task journal is not a Ferry journal. */
        JOURNAL_FOREIGN,
        /** (file, lines) the task journal has damaged lines; the changes they held are lost. */
        JOURNAL_DAMAGED,
        /** (copy) a damaged journal (the cause) was copied aside under this name. */
        JOURNAL_COPY_KEPT,
        /** (task, details) a saved task could not be read; details are the parser's words. */
        TASK_UNREADABLE,
        /** (task, details, kept as) a saved task could not be read and was kept aside. */
        TASK_KEPT_ASIDE,
        /** () only a download can be renamed: an upload sends the file under its own name. */
        RENAME_UPLOAD,
        /** (name) a file name with / or \\ in it. */
        NAME_WITH_FOLDER,
        /** (name) a name no file system takes (empty, dots only, reserved). */
        NAME_UNUSABLE,
        /** (path) a finished download's file is no longer there to be renamed. */
        RENAME_FILE_GONE,
        /** (proxy, variable, fault) the proxy cannot be reached; variable is "" for the proxy setting, fault is refused, unknownHost or timedOut. */
        PROXY_UNREACHABLE,
        /** (proxy, host:port, status) the proxy refused to open a tunnel (CONNECT) to the server. */
        PROXY_TUNNEL_REFUSED,
        /** (proxy, host:port, status) the proxy could not reach the server for the tunnel (502, 503, 504). */
        PROXY_TUNNEL_FAILED,
        /** (proxy, status, variable) CONNECT answered 405/501: not an HTTPS-capable proxy; variable as in PROXY_UNREACHABLE. */
        PROXY_NOT_TUNNELING,
        /** (host, names) the certificate is signed by a trusted CA but for other names (names may be empty). */
        CERTIFICATE_WRONG_HOST,
        /** (host:port, http url) an https:// address whose server answered in plain HTTP. */
        NOT_TLS,
        /** (variable, path, fault) SSL_CERT_FILE/SSL_CERT_DIR cannot be used; fault is missing, folder, notFolder, unreadable, noCertificates or damaged. */
        CA_SOURCE_UNUSABLE,
        /** (reason, variable, path, fault) a certificate not verified while SSL_CERT_FILE/SSL_CERT_DIR is set but unusable. */
        UNTRUSTED_CA_SOURCE_UNUSABLE,
        /** (status, url) a download refused with 401 (no challenge) or 403: a login, Referer or User-Agent may be missing. */
        DOWNLOAD_REFUSED,
        /** (url) HTTP 431: the request's headers (usually its cookies) are too large for the server. */
        HEADERS_TOO_LARGE,
        /** (message) a fault already phrased for the user by the engine, in English only. */
        STATED,
        /** (type, message) anything else: named as it is, and reported. */
        OTHER
    }

    public Problem {
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
        Objects.requireNonNull(english, "english");
    }

    public Problem(Code code, List<String> args, String english, boolean transientFault) {
        this(code, args, english, transientFault, null);
    }

    /** Words Ferry has only in English (a message of an earlier version, an engine text with no code yet). */
    public static Problem stated(String english, boolean transientFault) {
        return new Problem(Code.STATED, List.of(english), english, transientFault);
    }

    /** The same code and arguments, said in other English words (capitalised, with advice added). */
    public Problem withEnglish(String text) {
        return new Problem(code, args, text, transientFault, cause);
    }
}
