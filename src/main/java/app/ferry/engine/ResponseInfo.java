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
        headers = headers == null ? Map.of() : new TreeMap<>(headers);
    }

    public static ResponseInfo of(int status, Map<String, List<String>> headers) {
        return new ResponseInfo(status, headers, null, false);
    }
}
