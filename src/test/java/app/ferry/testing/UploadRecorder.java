package app.ferry.testing;

import app.ferry.engine.FormPart;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.RequestContext;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * Servlets that keep what uploads delivered — raw bodies hashed as they stream in, multipart
 * forms parsed by Jetty's own parser or by Commons FileUpload — for the queue and CLI tests.
 */
public final class UploadRecorder {

    /** One request as the server saw it; the body only as its length and SHA-256. */
    public record Request(String method, String rawPath, String path, String contentType, long contentLength,
                          String transferEncoding, String authorization, long bytes, String sha256) {
    }

    /** One form part; text values and file contents both as SHA-256. */
    public record FormPart(String name, String filename, String contentType, String sha256) {
    }

    /** A parsed form; {@code bytesRead} is -1 when the parser read the body itself (Jetty). */
    public record Form(String parser, long contentLength, long bytesRead, List<FormPart> parts) {
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Form> forms = new CopyOnWriteArrayList<>();

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String rawPath) {
        return requests.stream().filter(r -> r.rawPath().equals(rawPath)).toList();
    }

    public List<Form> forms() {
        return List.copyOf(forms);
    }

    public void clear() {
        requests.clear();
        forms.clear();
    }

    /** Reads and records the body; the caller answers. */
    public Request record(HttpServletRequest request) throws IOException {
        MessageDigest digest = sha256();
        long count = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = request.getInputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
                count += n;
            }
        }
        Request seen = new Request(request.getMethod(), request.getRequestURI(), request.getPathInfo(),
                request.getContentType(), request.getContentLengthLong(), request.getHeader("Transfer-Encoding"),
                request.getHeader("Authorization"), count, HexFormat.of().formatHex(digest.digest()));
        requests.add(seen);
        return seen;
    }

    /** Stores every body and answers 201 with a compact JSON summary of it. */
    public HttpServlet store() {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                storeAndAnswer(request, response);
            }
        };
    }

    /** Records the body and answers 201 with a compact JSON summary of it. */
    public void storeAndAnswer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Request seen = record(request);
        response.setStatus(201);
        response.setContentType("application/json");
        response.getWriter().write("{\"stored\":\"" + seen.rawPath() + "\",\"bytes\":" + seen.bytes()
                + ",\"sha256\":\"" + seen.sha256() + "\"}");
    }

    /** Parses with Jetty's own multipart parser ({@code request.getParts()}); mount with {@link #multipartConfig}. */
    public HttpServlet jettyForm() {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response)
                    throws IOException, ServletException {
                forms.add(new Form("jetty", request.getContentLengthLong(), -1, parseWithJetty(request)));
                response.setStatus(200);
            }
        };
    }

    /** Reads the raw body, counting it, then parses it with Commons FileUpload 2. */
    public HttpServlet commonsForm(Path scratch) {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                byte[] body = request.getInputStream().readAllBytes();
                List<FormPart> parts = parseWithCommonsFileUpload(body, request.getContentType(), scratch);
                forms.add(new Form("commons-fileupload2", request.getContentLengthLong(), body.length, parts));
                response.setStatus(200);
            }
        };
    }

    public static MultipartConfigElement multipartConfig(Path scratch) {
        return new MultipartConfigElement(scratch.toString(), 64 << 20, 128 << 20, 1 << 20);
    }

    /** The parts as Jetty's own parser sees them; the servlet must be mounted with {@link #multipartConfig}. */
    public static List<FormPart> parseWithJetty(HttpServletRequest request) throws IOException, ServletException {
        List<FormPart> parts = new ArrayList<>();
        for (Part part : request.getParts()) {
            try (InputStream in = part.getInputStream()) {
                parts.add(new FormPart(part.getName(), part.getSubmittedFileName(),
                        part.getSubmittedFileName() == null ? null : part.getContentType(),
                        UploadSink.sha256(in.readAllBytes())));
            }
        }
        return parts;
    }

    /** The parts of a raw multipart body as Commons FileUpload 2 sees them, spilling large ones to {@code scratch}. */
    public static List<FormPart> parseWithCommonsFileUpload(byte[] body, String contentType, Path scratch)
            throws IOException {
        JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> upload =
                new JakartaServletFileUpload<>(DiskFileItemFactory.builder().setPath(scratch).get());
        upload.setHeaderCharset(StandardCharsets.UTF_8);
        List<FormPart> parts = new ArrayList<>();
        for (DiskFileItem item : upload.parseRequest(new RequestContext() {
            @Override
            public String getCharacterEncoding() {
                return null;
            }

            @Override
            public long getContentLength() {
                return body.length;
            }

            @Override
            public String getContentType() {
                return contentType;
            }

            @Override
            public InputStream getInputStream() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public boolean isMultipartRelated() {
                return false;
            }
        })) {
            parts.add(new FormPart(item.getFieldName(), item.getName(),
                    item.isFormField() ? null : item.getContentType(), UploadSink.sha256(item.get())));
        }
        return parts;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }
}
