package app.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 4: no byte a server controls reaches the terminal raw. A scripted server sends
 * every C0 control, DEL, every C1 control, ESC sequences and bidi overrides in each place a server
 * string can travel (a Content-Disposition name, a URL's name, a status line, an error body, a
 * retried answer, an upload's answer), the real CLI runs in-process, and its stdout and stderr, and
 * then {@code ferry list}'s, are searched for any of them.
 */
class TerminalInjectionTest {

    /** Every C0 control, DEL, every C1 control, two ESC sequences and bidi overrides. */
    private static final String HOSTILE = hostile();

    @TempDir
    Path temp;
    private ScriptedSocketServer server;
    private StringWriter out;
    private StringWriter err;

    private static String hostile() {
        StringBuilder b = new StringBuilder("evil");
        for (char c = 0; c < 0x20; c++) {
            b.append(c);
        }
        b.append('\u007f');
        for (char c = 0x80; c <= 0x9f; c++) {
            b.append(c);
        }
        return b.append("\u001b[2J\u001b]0;pwned\u0007\u001b[31mred\u202eexe.pdf\u2066end").toString();
    }

    @BeforeEach
    void start() {
        server = new ScriptedSocketServer();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private static String utf8Latin1(String text) {
        // The scripted server writes chars as single bytes: hand it the UTF-8 bytes of the text.
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String textAnswer(String status, String body) {
        String bytes = utf8Latin1(body);
        return "HTTP/1.1 " + status + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + bytes.length()
                + "\r\nConnection: close\r\n\r\n" + bytes;
    }

    @Test
    void noServerControlCharacterReachesStdoutStderrOrTheList() throws IOException {
        String encoded = URLEncoder.encode(HOSTILE, StandardCharsets.UTF_8).replace("+", "%20");
        // A header value cannot carry CR, LF or NUL; every other raw byte is sent as it is.
        String rawName = HOSTILE.replaceAll("[\r\n\u0000\"]", "");
        server.answer("/named", "HTTP/1.1 200 OK\r\nContent-Disposition: attachment; filename*=UTF-8''" + encoded
                        + "\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")
                .answer("/raw-named", "HTTP/1.1 200 OK\r\nContent-Disposition: attachment; filename=\"" + utf8Latin1(rawName)
                        + "\"\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")
                .answer("/error-body", textAnswer("404 Not Found", HOSTILE))
                .answer("/garbage-status", utf8Latin1(HOSTILE.replaceAll("[\r\n]", "")) + "\r\n\r\n")
                .answer("/reason", "HTTP/1.1 500 " + utf8Latin1(HOSTILE.replaceAll("[\r\n]", ""))
                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .answer("/retried", textAnswer("503 Service Unavailable", HOSTILE))
                .answer("/upload", textAnswer("500 Internal Server Error", HOSTILE + "\r\nsecond line\n\tindented"));
        Path state = temp.resolve("state");
        Path downloads = temp.resolve("downloads");

        int get = run("get", "--dir", downloads.toString(), "--state", state.toString(), "--retries", "1",
                "--retry-delay", "0", server.url("/named"), server.url("/raw-named"), server.url("/error-body"),
                server.url("/garbage-status"), server.url("/reason"), server.url("/retried"),
                server.url("/" + encoded + ".bin"));
        String getOut = out.toString();
        String getErr = err.toString();
        Path upload = Files.writeString(temp.resolve("upload.txt"), "payload");
        int put = run("put", "--state", state.toString(), "--retries", "0", "--print-response", upload.toString(),
                server.url("/upload"));
        String putOut = out.toString();
        String putErr = err.toString();
        int list = run("list", "--state", state.toString());

        assertThat(get).isEqualTo(ExitCode.TRANSFER_FAILED);
        assertThat(put).isEqualTo(ExitCode.TRANSFER_FAILED);
        assertThat(list).isEqualTo(ExitCode.OK);
        // The hostile strings did reach the output, made visible: the test looks where they go.
        assertThat(getErr).contains("evil\\x00\\x01").contains("\\x1b[2J").contains("\\u0085");
        assertThat(putOut).contains("evil\\x00\\x01").contains("\\u202eexe.pdf\\u2066end").contains("\r\nsecond line\n\tindented");
        assertThat(out.toString()).contains("\\x1b[2J");
        assertNoControls("get stdout", getOut, false);
        assertNoControls("get stderr", getErr, false);
        assertNoControls("put stderr", putErr, false);
        assertNoControls("put --print-response stdout", putOut, true);
        assertNoControls("list stdout", out.toString(), false);
        assertNoControls("list stderr", err.toString(), false);
        // The engine stores no name with a control in it, whether from a header or a URL: the task
        // lines (name and percent-encoded URL) need no escape at all.
        assertThat(out.toString().lines().filter(l -> !l.startsWith(" ")).toList()).hasSize(8)
                .allSatisfy(line -> assertThat(line).doesNotContain("\\x").doesNotContain("\\u"));
        // And no file name on disk carries one either (SafeFileName drops them).
        try (Stream<Path> files = Files.list(downloads)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).isNotEmpty()
                    .allSatisfy(name -> assertNoControls("file name", name + "\n", false));
        }
    }

    /** Only line feeds are let through, and in a response body tabs and CR LF pairs too. */
    private static void assertNoControls(String where, String text, boolean body) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\n' || (body && (c == '\t' || (c == '\r' && i + 1 < text.length()
                    && text.charAt(i + 1) == '\n')));
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u061c' || c == '\u200e' || c == '\u200f'
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            assertThat(control && !allowed)
                    .as("%s has U+%04X at %d: %s", where, (int) c, i, text.replace("\u001b", "<ESC>"))
                    .isFalse();
        }
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
