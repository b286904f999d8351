package app.ferry.browser;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A download the extension hands to Ferry, already validated by {@link HostRequests}: an
 * http(s) URL without credentials in it, cookies that belong to its host, header values without
 * line breaks. Optional parts are null when the browser did not give them.
 *
 * @param headers extra request headers (e.g. {@code Accept-Language}); never {@code Cookie},
 *                {@code Referer} or {@code User-Agent}, which have their own fields
 * @param referer the page the link was on, sent as {@code Referer}
 * @param pageUrl the page the download came from, for the task's "from" line
 */
public record BrowserDownload(URI url, Map<String, String> headers, List<BrowserCookie> cookies, URI referer,
                              String userAgent, String suggestedName, URI pageUrl) {

    public BrowserDownload {
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers);
        cookies = List.copyOf(cookies);
    }

    /** The {@code Cookie} header a request to {@link #url()} carries, or empty when there are no cookies. */
    public String cookieHeader() {
        return cookies.stream().map(c -> c.name() + "=" + c.value()).collect(Collectors.joining("; "));
    }

    /** Shows the URL and which parts are present, never a cookie or header value. */
    @Override
    public String toString() {
        return "BrowserDownload[" + url + ", " + cookies.size() + " cookie(s), headers " + headers.keySet()
                + (referer == null ? "" : ", referer " + referer)
                + (suggestedName == null ? "" : ", name " + suggestedName) + "]";
    }
}
