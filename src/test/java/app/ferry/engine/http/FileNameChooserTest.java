package app.ferry.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.UrlNormalizer;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileNameChooserTest {

    private static final URI URL = URI.create("https://files.example/dl/report%20final.pdf?id=7");

    @Test
    void contentDispositionWins() {
        assertThat(FileNameChooser.choose(Optional.of("attachment; filename=\"server.pdf\""), URL, "application/pdf"))
                .isEqualTo("server.pdf");
    }

    @Test
    void contentDispositionNameIsSanitized() {
        assertThat(FileNameChooser.choose(Optional.of("attachment; filename=\"../../.ssh/authorized_keys\""),
                URL, null)).isEqualTo("authorized_keys");
        assertThat(FileNameChooser.choose(Optional.of("attachment; filename*=UTF-8''..%2F..%2FCON.txt"),
                URL, null)).isEqualTo("_CON.txt");
    }

    @Test
    void unusableContentDispositionFallsBackToUrl() {
        assertThat(FileNameChooser.choose(Optional.of("attachment; filename=\"..\""), URL, null))
                .isEqualTo("report final.pdf");
        assertThat(FileNameChooser.choose(Optional.of("inline"), URL, null)).isEqualTo("report final.pdf");
    }

    @Test
    void urlSegmentIsPercentDecodedAsUtf8() {
        URI url = UrlNormalizer.normalize("http://127.0.0.1/static/功夫熊猫.mp4").uri();

        assertThat(FileNameChooser.choose(Optional.empty(), url, "video/mp4")).isEqualTo("功夫熊猫.mp4");
    }

    @Test
    void encodedSlashInUrlSegmentCannotEscape() {
        URI url = URI.create("http://h.example/x/..%2F..%2Fetc%2Fpasswd");

        assertThat(FileNameChooser.choose(Optional.empty(), url, null)).isEqualTo("passwd");
    }

    @Test
    void badlyEncodedSegmentIsUsedRaw() {
        URI url = URI.create("http://h.example/a%FFb.bin");

        assertThat(FileNameChooser.choose(Optional.empty(), url, null)).isEqualTo("a%FFb.bin");
    }

    @Test
    void fallbackWithExtensionFromContentType() {
        URI root = URI.create("https://h.example/");

        assertThat(FileNameChooser.choose(Optional.empty(), root, "application/pdf; charset=binary"))
                .isEqualTo("download.pdf");
        assertThat(FileNameChooser.choose(Optional.empty(), root, "IMAGE/PNG")).isEqualTo("download.png");
        assertThat(FileNameChooser.choose(Optional.empty(), root, "application/x-unknown")).isEqualTo("download");
        // Bytes of no stated format: nothing is made up for them.
        assertThat(FileNameChooser.choose(Optional.empty(), root, "application/octet-stream")).isEqualTo("download");
        assertThat(FileNameChooser.choose(Optional.empty(), root, null)).isEqualTo("download");
        assertThat(FileNameChooser.choose(Optional.empty(), URI.create("https://h.example"), null))
                .isEqualTo("download");
        assertThat(FileNameChooser.choose(Optional.empty(), URI.create("https://h.example/dir/"), "text/html"))
                .isEqualTo("download.html");
    }
}
