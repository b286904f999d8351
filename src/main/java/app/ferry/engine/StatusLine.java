package app.ferry.engine;

import java.util.Map;

/** "404 Not Found": java.net.http gives the code only, people want the words too. */
public final class StatusLine {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(204, "No Content"),
            Map.entry(206, "Partial Content"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
            Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
            Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(407, "Proxy Authentication Required"),
            Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
            Map.entry(411, "Length Required"), Map.entry(412, "Precondition Failed"),
            Map.entry(413, "Content Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(416, "Range Not Satisfiable"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"),
            Map.entry(507, "Insufficient Storage"),
            // The rest of the IANA registry's common statuses (RFC 9110, 6585, 7725, 8470, 4918), so no
            // error is said as a bare number: HTTP 431 after a large cookie said nothing of headers.
            Map.entry(402, "Payment Required"), Map.entry(406, "Not Acceptable"), Map.entry(414, "URI Too Long"),
            Map.entry(417, "Expectation Failed"), Map.entry(421, "Misdirected Request"),
            Map.entry(422, "Unprocessable Content"), Map.entry(423, "Locked"), Map.entry(424, "Failed Dependency"),
            Map.entry(425, "Too Early"), Map.entry(426, "Upgrade Required"), Map.entry(428, "Precondition Required"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(451, "Unavailable For Legal Reasons"),
            Map.entry(505, "HTTP Version Not Supported"), Map.entry(506, "Variant Also Negotiates"),
            Map.entry(508, "Loop Detected"), Map.entry(511, "Network Authentication Required"));

    private StatusLine() {
    }

    public static String of(int status) {
        String reason = REASONS.get(status);
        return reason == null ? "HTTP " + status : "HTTP " + status + " " + reason;
    }

    /** 408, 429 and the 5xx that mean "try again later". */
    public static boolean isTransient(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }
}
