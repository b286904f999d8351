package app.ferry.engine.upload;

import app.ferry.testing.TestServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * A local upload sink for throughput measurements ({@code ferry put}/{@code post} next to
 * {@code curl -T}/{@code -F}): reads every request body in 1 MiB reads, keeps nothing, and answers
 * 200 with the byte count. Not a test; run it by hand:
 * {@code java -cp target/test-classes:$(cat cp.txt) app.ferry.engine.upload.DiscardServer}.
 * Prints the URL; stops with the process.
 */
public final class DiscardServer {

    private DiscardServer() {
    }

    public static void main(String[] args) throws Exception {
        TestServer server = TestServer.start().servlet("/*", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                long count = 0;
                byte[] buffer = new byte[1 << 20];
                try (InputStream in = request.getInputStream()) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        count += n;
                    }
                }
                response.setStatus(200);
                response.setContentType("text/plain");
                response.getWriter().println(count);
            }
        });
        System.out.println(server.uri("/"));
        Thread.currentThread().join();
    }
}
