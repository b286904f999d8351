package app.ferry.browser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * The host manifest each browser reads to find and trust Ferry's host. Chromium and Chrome list
 * the extensions allowed to call it as origins ({@code allowed_origins}, with the trailing slash
 * they require); Firefox lists add-on ids ({@code allowed_extensions}). {@code path} must be
 * absolute on Linux and macOS.
 */
final class HostManifests {

    /** The host's name, as the extension passes it to {@code runtime.sendNativeMessage}. */
    static final String HOST_NAME = "app.ferry.host";
    static final String FILE_NAME = HOST_NAME + ".json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostManifests() {
    }

    static String json(BrowserFamily family, Path host, AllowedExtensions allowed) {
        if (!host.isAbsolute()) {
            throw new IllegalArgumentException("The host path must be absolute, not " + host);
        }
        ObjectNode manifest = JSON.createObjectNode()
                .put("name", HOST_NAME)
                .put("description", "Ferry: hands downloads from the browser to the Ferry download manager")
                .put("path", host.toString())
                .put("type", "stdio");
        if (family == BrowserFamily.FIREFOX) {
            ArrayNode extensions = manifest.putArray("allowed_extensions");
            allowed.firefoxIds().stream().sorted().forEach(extensions::add);
        } else {
            ArrayNode origins = manifest.putArray("allowed_origins");
            allowed.chromiumIds().stream().sorted().forEach(id -> origins.add("chrome-extension://" + id + "/"));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings always serialises", e);
        }
    }
}
