package app.ferry.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The ids the host allows are the ids the extension in browser/extension really gets. */
class ExtensionIdentityTest {

    private final JsonNode manifest = readManifest();

    @Test
    void theChromiumIdDerivesFromTheManifestsKey() throws Exception {
        byte[] der = Base64.getDecoder().decode(manifest.get("key").asText());
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)).substring(0, 32);
        StringBuilder id = new StringBuilder();
        hex.chars().forEach(c -> id.append((char) ('a' + Character.digit(c, 16))));

        assertThat(id.toString()).isEqualTo(AllowedExtensions.FERRY_CHROMIUM_ID);
    }

    @Test
    void theFirefoxIdIsTheManifestsGeckoId() {
        assertThat(manifest.at("/browser_specific_settings/gecko/id").asText()).isEqualTo(AllowedExtensions.FERRY_FIREFOX_ID);
    }

    private static JsonNode readManifest() {
        try {
            return new ObjectMapper().readTree(Path.of("browser/extension/manifest.json").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
