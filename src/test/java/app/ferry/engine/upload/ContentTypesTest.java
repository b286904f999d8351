package app.ferry.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.FormPart;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContentTypesTest {

    @Test
    void knowsCommonTypesByNameWhetherOrNotThePlatformDoes() {
        assertThat(ContentTypes.of(Path.of("a.jpg"))).isEqualTo("image/jpeg");
        assertThat(ContentTypes.of(Path.of("dir", "PHOTO.JPEG"))).isEqualTo("image/jpeg");
        assertThat(ContentTypes.of(Path.of("a.png"))).isEqualTo("image/png");
        assertThat(ContentTypes.of(Path.of("a.gif"))).isEqualTo("image/gif");
        assertThat(ContentTypes.of(Path.of("a.webp"))).isEqualTo("image/webp");
        assertThat(ContentTypes.of(Path.of("a.pdf"))).isEqualTo("application/pdf");
        assertThat(ContentTypes.of(Path.of("a.zip"))).isEqualTo("application/zip");
        assertThat(ContentTypes.of(Path.of("a.txt"))).isEqualTo("text/plain");
        assertThat(ContentTypes.of(Path.of("a.json"))).isEqualTo("application/json");
        assertThat(ContentTypes.of(Path.of("a.mp4"))).isEqualTo("video/mp4");
        assertThat(ContentTypes.of(Path.of("disk.BIN"))).isEqualTo("application/octet-stream");
    }

    @Test
    void fallsBackToOctetStream() {
        assertThat(ContentTypes.of(Path.of("no-extension"))).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.of(Path.of("a.ferry-unknown-extension"))).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.of(Path.of("/"))).isEqualTo("application/octet-stream");
    }

    @Test
    void aFileFieldTakesItsNameAndTypeFromThePath() {
        FormPart.FileField field = FormPart.FileField.of("photo", Path.of("dir", "照片 1.webp"));
        assertThat(field).isEqualTo(new FormPart.FileField("photo", Path.of("dir", "照片 1.webp"), "照片 1.webp",
                "image/webp"));
    }
}
