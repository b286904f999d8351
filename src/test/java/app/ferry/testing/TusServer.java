package app.ferry.testing;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import me.desair.tus.server.TusFileUploadService;
import me.desair.tus.server.exception.TusException;

/**
 * tus-java-server mounted at {@code /files} in a {@link TestServer}, every request passing
 * through a {@link BodyGate} so tests can count PATCH bytes and hold an upload midway.
 */
public final class TusServer {

    private final TusFileUploadService tus;
    private final BodyGate gate = new BodyGate();
    private TestServer server;

    public TusServer(Path storage) {
        tus = new TusFileUploadService().withStoragePath(storage.toString()).withUploadUri("/files");
    }

    public TusServer start() {
        server = TestServer.start().servlet("/files/*", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                try {
                    gate.serve(request, r -> tus.process(r, response));
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
        });
        return this;
    }

    public void stop() {
        gate.release();
        server.close();
    }

    /** The creation endpoint. */
    public URI endpoint() {
        return server.uri("/files");
    }

    public BodyGate gate() {
        return gate;
    }

    public byte[] uploadedBytes(String uploadUrl) throws IOException, TusException {
        try (InputStream in = tus.getUploadedBytes(URI.create(uploadUrl).getPath())) {
            return in.readAllBytes();
        }
    }

    /** What the server has of an upload (the offset a HEAD would answer), or -1 when it is gone. */
    public long offset(String uploadUrl) throws IOException, TusException {
        var info = tus.getUploadInfo(URI.create(uploadUrl).getPath());
        return info == null ? -1 : info.getOffset();
    }

    public String filename(String uploadUrl) throws IOException, TusException {
        return tus.getUploadInfo(URI.create(uploadUrl).getPath()).getFileName();
    }

    /** Expires an upload the way a server's cleanup would. */
    public void delete(String uploadUrl) throws IOException, TusException {
        tus.deleteUpload(URI.create(uploadUrl).getPath());
    }
}
