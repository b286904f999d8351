package app.ferry.engine.transfer;

import app.ferry.engine.ResponseInfo;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Keeps the start of a server's answer (an upload's JSON reply, an error page) with the task:
 * bounded, so a server answering with gigabytes cannot fill the state directory.
 */
public final class ResponseBodies {

    /** Enough for any API reply worth reading; more is cut and marked as cut. */
    public static final int MAX_KEPT_BYTES = 1 << 20;

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResponseBodies() {
    }

    /** Reads up to {@link #MAX_KEPT_BYTES} of the body and discards (drains, up to a bound) the rest. */
    public static ResponseInfo read(HttpResponse<InputStream> response) throws IOException {
        try (InputStream body = response.body()) {
            byte[] kept = body.readNBytes(MAX_KEPT_BYTES);
            boolean truncated = body.read() >= 0;
            String text = new String(kept, charset(response));
            String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (!truncated && (contentType.contains("json") || looksLikeJson(text))) {
                text = prettyJson(text);
            }
            return new ResponseInfo(response.statusCode(), response.headers().map(), text, truncated);
        }
    }

    /** Pretty-printed JSON, or the text as it was when it is not JSON after all. */
    public static String prettyJson(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isMissingNode() ? text : JSON.writeValueAsString(node);
        } catch (JacksonException e) {
            return text;
        }
    }

    private static boolean looksLikeJson(String text) {
        String trimmed = text.strip();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    private static Charset charset(HttpResponse<?> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at >= 0) {
            String name = contentType.substring(at + 8).replace("\"", "").split(";")[0].trim();
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8; // An unknown charset label: UTF-8 is the best guess on today's web.
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The first line or so of a body, for an error message. */
    public static String excerpt(ResponseInfo info) {
        if (info.body() == null || info.body().isBlank()) {
            return "";
        }
        String flat = info.body().strip().replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
