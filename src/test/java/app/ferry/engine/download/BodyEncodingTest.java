package app.ferry.engine.download;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** How an answer's Content-Encoding is judged, and the decoding of chained codings. */
class BodyEncodingTest {

    private static HttpHeaders headers(String... nameValues) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.computeIfAbsent(nameValues[i], k -> new java.util.ArrayList<>()).add(nameValues[i + 1]);
        }
        return HttpHeaders.of(map, (a, b) -> true);
    }

    @Test
    void noCodingOrIdentityIsTheFileItself() {
        assertThat(BodyEncoding.judge(headers(), "a.txt").kind()).isEqualTo(BodyEncoding.Kind.IDENTITY);
        assertThat(BodyEncoding.judge(headers("Content-Encoding", " Identity "), "a.txt").kind())
                .isEqualTo(BodyEncoding.Kind.IDENTITY);
    }

    @Test
    void gzipAndDeflateAreDecodedForAPlainName() {
        BodyEncoding encoding = BodyEncoding.judge(headers("Content-Encoding", "X-GZIP"), "report.csv");
        assertThat(encoding.kind()).isEqualTo(BodyEncoding.Kind.DECODED);
        assertThat(encoding.codings()).containsExactly("gzip");
        assertThat(encoding.rangesApply()).isFalse();
        assertThat(BodyEncoding.judge(headers("Content-Encoding", "deflate, gzip"), "a").codings())
                .containsExactly("deflate", "gzip");
    }

    @Test
    void aCompressedNameOrTypeKeepsTheBytes() {
        assertThat(BodyEncoding.judge(headers("Content-Encoding", "gzip"), "src.TAR.GZ").kind())
                .isEqualTo(BodyEncoding.Kind.KEPT);
        assertThat(BodyEncoding.judge(headers("Content-Encoding", "br"), "page.html.br").kind())
                .isEqualTo(BodyEncoding.Kind.KEPT);
        assertThat(BodyEncoding.judge(headers("Content-Encoding", "gzip", "Content-Type", "application/gzip; x=1"),
                "download").kind()).isEqualTo(BodyEncoding.Kind.KEPT);
        assertThat(BodyEncoding.judge(headers("Content-Encoding", "gzip"), "gz.txt").kind())
                .as("only the suffix counts").isEqualTo(BodyEncoding.Kind.DECODED);
    }

    @Test
    void anyCodingFerryCannotDecodeMakesTheWholeUndecodable() {
        assertThat(BodyEncoding.judge(headers("Content-Encoding", "br"), "a.txt").kind())
                .isEqualTo(BodyEncoding.Kind.UNDECODABLE);
        BodyEncoding chained = BodyEncoding.judge(headers("Content-Encoding", "gzip", "Content-Encoding", "zstd"), "a.txt");
        assertThat(chained.kind()).isEqualTo(BodyEncoding.Kind.UNDECODABLE);
        assertThat(chained.label()).isEqualTo("gzip, zstd");
    }

    @Test
    void chainedCodingsAreUndoneFromTheLast() throws IOException {
        byte[] content = TestServer.randomBytes(200_000, 3);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated)) {
            out.write(content);
        }
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(deflated.toByteArray());
        }
        BodyEncoding encoding = BodyEncoding.judge(headers("Content-Encoding", "deflate, gzip"), "a.bin");

        try (InputStream decoded = encoding.decode(new ByteArrayInputStream(gzipped.toByteArray()))) {
            assertThat(decoded.readAllBytes()).isEqualTo(content);
        }
    }
}
