package app.ferry.handoff;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;

/**
 * One download handed over: the URL and what the browser knew about it. Only {@code url} is
 * required. In a {@link HandOff} every field has been checked by {@link RequestValidator}.
 *
 * @param headers request headers to send (e.g. {@code User-Agent}); never {@code Cookie} or {@code Referer}, which have their own fields
 * @param cookies the {@code Cookie} header value the browser would send for {@code url}: a secret
 * @param referer the page the link was on, sent as {@code Referer}
 * @param suggestedName the file name the browser suggests; Ferry still makes it safe and unique
 * @param pageUrl the page the download came from, shown to the user as its origin
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Download(String url, Map<String, String> headers, String cookies, String referer,
                       String suggestedName, String pageUrl) {

    public Download {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** Just a URL, as from a terminal. */
    public static Download of(String url) {
        return new Download(url, Map.of(), null, null, null, null);
    }

    /** Cookies and header values are secrets (Authorization, tokens): only their names are shown. */
    @Override
    public String toString() {
        return "Download[url=" + url + ", headers=" + new TreeMap<>(headers).keySet()
                + (cookies == null ? "" : ", cookies=<redacted>")
                + (referer == null ? "" : ", referer=" + referer)
                + (suggestedName == null ? "" : ", suggestedName=" + suggestedName)
                + (pageUrl == null ? "" : ", pageUrl=" + pageUrl) + "]";
    }
}
