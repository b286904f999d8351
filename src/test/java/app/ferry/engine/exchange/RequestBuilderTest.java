package app.ferry.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.Credentials;
import app.ferry.engine.FerryBuild;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every request of every transfer gets its headers here: what goes out, and what stays at its origin. */
class RequestBuilderTest {

    private static final URI ORIGIN = URI.create("http://files.example/a.iso");
    private static final Credentials ANN = new Credentials("ann", "s3cret");
    private final RequestBuilder builder = new RequestBuilder(ANN);

    @Test
    void aDownloadAsksForTheBytesAsStoredAndNamesFerry() {
        HttpRequest request = builder.build(ExchangeRequest.download(ORIGIN, ORIGIN).timeout(Duration.ofSeconds(7)));

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.uri()).isEqualTo(ORIGIN);
        assertThat(request.timeout()).contains(Duration.ofSeconds(7));
        HttpHeaders headers = request.headers();
        assertThat(headers.firstValue("User-Agent")).contains(FerryBuild.userAgent());
        assertThat(FerryBuild.userAgent()).startsWith("Ferry/");
        assertThat(headers.firstValue("Accept-Encoding")).contains("identity");
        assertThat(headers.firstValue("Range")).isEmpty();
        assertThat(headers.firstValue("If-Range")).isEmpty();
        assertThat(headers.firstValue("Authorization")).contains(ANN.basicAuthorization());
    }

    @Test
    void aRangeCarriesItsGuard() {
        HttpHeaders rest = builder.build(ExchangeRequest.download(ORIGIN, ORIGIN).range(100, -1, "\"v1\"")).headers();
        HttpHeaders part = builder.build(ExchangeRequest.download(ORIGIN, ORIGIN).range(0, 99, null)).headers();

        assertThat(rest.firstValue("Range")).contains("bytes=100-");
        assertThat(rest.firstValue("If-Range")).contains("\"v1\"");
        assertThat(part.firstValue("Range")).contains("bytes=0-99");
        assertThat(part.firstValue("If-Range")).isEmpty();
    }

    @Test
    void credentialsStayAtTheOriginTheUserNamed() {
        ExchangeRequest first = ExchangeRequest.download(ORIGIN, ORIGIN);

        assertThat(authorization(first.redirectedTo(URI.create("http://files.example/b.iso")))).isTrue();
        assertThat(authorization(first.redirectedTo(URI.create("http://FILES.example:80/c")))).isTrue();
        assertThat(authorization(first.redirectedTo(URI.create("http://files.example:8080/a.iso")))).isFalse();
        assertThat(authorization(first.redirectedTo(URI.create("https://files.example/a.iso")))).isFalse();
        assertThat(authorization(first.redirectedTo(URI.create("http://cdn.example/a.iso")))).isFalse();
        // A resume that starts at the last redirect's address still knows where the user pointed.
        assertThat(authorization(ExchangeRequest.download(URI.create("http://cdn.example/a.iso"), ORIGIN))).isFalse();
        assertThat(new RequestBuilder(null).build(first).headers().firstValue("Authorization")).isEmpty();
    }

    @Test
    void anUploadSendsItsBodyAndTypeButAsksForNoEncoding() {
        HttpRequest request = builder.build(ExchangeRequest.upload("PUT", ORIGIN,
                HttpRequest.BodyPublishers.ofString("hello"), "text/plain"));

        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.bodyPublisher()).hasValueSatisfying(b -> assertThat(b.contentLength()).isEqualTo(5));
        assertThat(request.headers().firstValue("Content-Type")).contains("text/plain");
        assertThat(request.headers().firstValue("Accept-Encoding")).isEmpty();
        assertThat(request.timeout()).isEmpty();
    }

    @Test
    void protocolHeadersGoOnEveryHopInTheirOrder() {
        ExchangeRequest tus = ExchangeRequest.of("HEAD", ORIGIN, ORIGIN)
                .protocolHeader("Tus-Resumable", "1.0.0")
                .protocolHeader("Upload-Offset", "10")
                .protocolHeader("Upload-Offset", "20");
        HttpRequest elsewhere = builder.build(tus.redirectedTo(URI.create("http://other.example/u/1")));

        assertThat(tus.protocolHeaders().keySet()).containsExactly("Tus-Resumable", "Upload-Offset");
        assertThat(elsewhere.method()).isEqualTo("HEAD");
        assertThat(elsewhere.headers().firstValue("Tus-Resumable")).contains("1.0.0");
        assertThat(elsewhere.headers().allValues("Upload-Offset")).containsExactly("20");
        assertThat(elsewhere.headers().firstValue("Authorization")).isEmpty();
    }

    @Test
    void onlyBodilessRequestsFollowEveryRedirect() {
        ExchangeRequest get = ExchangeRequest.download(ORIGIN, ORIGIN);
        ExchangeRequest post = ExchangeRequest.upload("POST", ORIGIN, HttpRequest.BodyPublishers.noBody(), null);

        for (int status : new int[] {301, 302, 303, 307, 308}) {
            assertThat(Exchange.isFollowed(get, status)).as("GET after %d", status).isTrue();
        }
        assertThat(Exchange.isFollowed(post, 307)).isTrue();
        assertThat(Exchange.isFollowed(post, 308)).isTrue();
        assertThat(Exchange.isFollowed(post, 301)).as("would become a bodiless GET").isFalse();
        assertThat(Exchange.isFollowed(post, 303)).isFalse();
        assertThat(Exchange.isFollowed(get, 304)).isFalse();
        assertThat(Exchange.isFollowed(get, 200)).isFalse();
    }

    private boolean authorization(ExchangeRequest request) {
        boolean sent = builder.build(request).headers().firstValue("Authorization").isPresent();
        assertThat(builder.authorizes(request)).isEqualTo(sent);
        return sent;
    }
}
