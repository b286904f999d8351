package app.ferry.engine;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last response a task got: shown in the details pane and, for uploads, the server's answer.
 *
 * @param body the start of the body as text (bounded), or null when it was not kept
 */
public record ResponseInfo(int status, Map<String, List<String>> headers, String body, boolean bodyTruncated) {

    public ResponseInfo {
        TreeMap<String, List<String>> kept = new TreeMap<>();
        if (headers != null) {
            // A cookie the server sets is a secret: this record is saved in the journal and shown.
            headers.forEach((name, values) -> kept.put(name, name != null && name.toLowerCase(java.util.Locale.ROOT)
                    .startsWith("set-cookie") ? values.stream().map(ResponseInfo::maskCookie).toList() : values));
        }
        headers = kept;
    }

    /** {@code sid=abc; Path=/} → {@code sid=••••}: the name says which cookie, the value stays secret. */
    private static String maskCookie(String setCookie) {
        int equals = setCookie.indexOf('=');
        return (equals < 0 ? "" : setCookie.substring(0, equals + 1)) + app.ferry.engine.request.RequestOptions.MASK;
    }

    public static ResponseInfo of(int status, Map<String, List<String>> headers) {
        return new ResponseInfo(status, headers, null, false);
    }
}
