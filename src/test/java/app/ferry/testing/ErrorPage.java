package app.ferry.testing;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What a web server's error page looks like: any method gets 404 with a whole HTML document on
 * one line, titled {@link #TITLE}, as a failed task's message must not show raw markup.
 */
public final class ErrorPage extends HttpServlet {

    public static final String TITLE = "Nothing here – Test Server";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.getInputStream().transferTo(OutputStream.nullOutputStream());
        response.setStatus(404);
        response.setContentType("text/html; charset=utf-8");
        response.getWriter().write("<!DOCTYPE html><html><head><title>" + TITLE + "</title>"
                + "<style>body{font-family:sans-serif}</style></head><body><h1>404</h1>"
                + "<p>The file <b>" + request.getPathInfo() + "</b> was not found on this server.</p></body></html>");
    }
}
