package app.ferry.testing;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Upload endpoints that keep what they received by name, for the window's upload flows, mounted
 * on a {@link TestServer} by {@link #mount}: {@code PUT|POST /up/NAME} stores the raw body under
 * NAME ({@code /slowup/NAME}: read at about 256 KiB/s); {@code POST /form} stores each file part
 * under its file name and the text fields. Both answer JSON naming what they received with its
 * size and SHA-256.
 */
public final class UploadSink {

    private static final int CHUNK = 16 * 1024;

    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final Map<String, String> fields = new ConcurrentHashMap<>();

    private UploadSink() {
    }

    /** Mounts {@code /up}, {@code /slowup} and {@code /form} on {@code server}; form parts spill into {@code scratch}. */
    public static UploadSink mount(TestServer server, Path scratch) {
        UploadSink sink = new UploadSink();
        server.servlet("/up/*", sink.new RawUploads())
                .servlet("/slowup/*", sink.new RawUploads())
                .multipartServlet("/form", sink.new FormUploads(), new MultipartConfigElement(scratch.toString()));
        return sink;
    }

    /** What a raw or form upload stored under this name, or null. */
    public byte[] uploaded(String name) {
        return uploads.get(name);
    }

    /** A form's text field, or {@code "field:" + file name} for the field a file came in. */
    public String field(String name) {
        return fields.get(name);
    }

    private final class RawUploads extends HttpServlet {
        @Override
        protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
            store(request, response);
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            store(request, response);
        }

        private void store(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String name = URLDecoder.decode(request.getPathInfo().substring(1), StandardCharsets.UTF_8);
            byte[] body;
            if (request.getServletPath().equals("/slowup")) {
                ByteArrayOutputStream read = new ByteArrayOutputStream();
                byte[] buffer = new byte[CHUNK];
                for (int n; (n = request.getInputStream().read(buffer)) >= 0; ) {
                    read.write(buffer, 0, n);
                    LockSupport.parkNanos(GeneratedFiles.SLOW_CHUNK_NANOS);
                }
                body = read.toByteArray();
            } else {
                body = request.getInputStream().readAllBytes();
            }
            uploads.put(name, body);
            reply(response, 201, List.of(Map.entry(name, body)));
        }
    }

    private final class FormUploads extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            List<Map.Entry<String, byte[]>> received = new ArrayList<>();
            try {
                for (Part part : request.getParts()) {
                    byte[] bytes = part.getInputStream().readAllBytes();
                    if (part.getSubmittedFileName() == null) {
                        fields.put(part.getName(), new String(bytes, StandardCharsets.UTF_8));
                    } else {
                        uploads.put(part.getSubmittedFileName(), bytes);
                        fields.put("field:" + part.getSubmittedFileName(), part.getName());
                        received.add(Map.entry(part.getSubmittedFileName(), bytes));
                    }
                }
            } catch (ServletException e) {
                throw new IOException(e);
            }
            reply(response, 200, received);
        }
    }

    private static void reply(HttpServletResponse response, int status, List<Map.Entry<String, byte[]>> files)
            throws IOException {
        StringBuilder json = new StringBuilder("{\"received\":[");
        for (int i = 0; i < files.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(files.get(i).getKey())
                    .append("\",\"size\":").append(files.get(i).getValue().length)
                    .append(",\"sha256\":\"").append(sha256(files.get(i).getValue())).append("\"}");
        }
        json.append("]}");
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of {@code bytes} in hex, as the JSON answers give it. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
