package app.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.testing.FerryRunner;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Header values the HTTP client cannot send as typed are refused before anything starts, and a
 * refused value is never quoted back. Found by a user's trial: a control character in a token
 * reached the JDK client, which threw with the whole value, and the token went to the screen,
 * the journal and {@code ferry list}; a character outside ASCII went out as '?'.
 */
class HeaderValuesCliTest {

    private static final String SECRET = "TOPSECRET-9b2e";

    @TempDir
    Path temp;

    private TestServer server;
    private Path downloads;
    private Path stateDir;

    @BeforeEach
    void start() {
        server = TestServer.start();
        downloads = temp.resolve("downloads");
        stateDir = temp.resolve("state");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "-H           | Authorization: Bearer TOPSECRET-9b2e\u0001XYZ | The value of header Authorization contains a control character",
        "-H           | X-Token: TOPSECRET-9b2e\u007f                  | The value of header X-Token contains a control character",
        "-H           | Authorization: Bearer TOPSECRET-9b2e\u00e9     | The value of Authorization has a character outside ASCII",
        "-H           | X-Unicode: h\u00e9llo                          | The value of X-Unicode has a character outside ASCII",
        "-A           | Agent \u00fcn\u00efcode                        | The value of User-Agent has a character outside ASCII",
        "--referer    | http://example.org/caf\u00e9                   | The value of Referer has a character outside ASCII",
        "--cookie     | session=TOPSECRET-9b2e\u00e9                   | The value of cookie session has a character outside ASCII",
        "-H           | Transfer-Encoding: chunked                     | Header Transfer-Encoding cannot be set: the HTTP client sets it",
        "-H           | TE: trailers                                   | Header TE cannot be set: the HTTP client sets it",
        "-H           | Proxy-Authorization: Basic TOPSECRET-9b2e      | it would go to the server, not the proxy",
    })
    void aValueTheClientCannotSendIsAUsageErrorAndNeverShown(String option, String value, String message) {
        FerryRunner.Result run = FerryRunner.inProcess(
                "get", "--dir", downloads.toString(), "--state", stateDir.toString(), option, value, server.url("/f"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("ferry: ").contains(message).doesNotContain(SECRET);
        assertThat(run.out()).doesNotContain(SECRET);
        assertThat(server.requests()).isEmpty();
        assertThat(stateDir).doesNotExist();
    }

    @Test
    void aFormCannotHaveItsOwnContentTypeItWouldHideTheBoundary() throws IOException {
        Path file = Files.writeString(temp.resolve("up.txt"), "hello");
        FerryRunner.Result run = FerryRunner.inProcess("post", "--state", stateDir.toString(),
                "-H", "Content-Type: multipart/form-data", server.url("/form"), "-F", "file=@" + file);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("A form upload (-F) cannot have its own Content-Type header")
                .contains("Leave -H \"Content-Type: ...\" out");
        assertThat(server.requests()).isEmpty();
    }
}
