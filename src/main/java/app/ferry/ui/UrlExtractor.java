package app.ferry.ui;

import app.ferry.engine.InvalidUrlException;
import app.ferry.engine.NormalizedUrl;
import app.ferry.engine.UrlNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the http(s) URLs in pasted or dropped text: one per line, many separated by spaces, or
 * mixed with prose (English or Chinese). Anything that looks like an address but cannot be
 * downloaded is returned with the reason, so the user learns what was refused and why.
 */
public final class UrlExtractor {

    /** A URL ends at whitespace, at quotes and angle brackets, and at CJK punctuation. */
    private static final String STOP = "\\s<>\"'`，。；：！？、（）【】《》“”‘’「」";
    private static final Pattern HTTP = Pattern.compile("(?i)https?://[^" + STOP + "]*");
    private static final Pattern OTHER_SCHEME = Pattern.compile("(?i)\\b[a-z][a-z0-9+.\\-]*://[^" + STOP + "]*");
    private static final Pattern WWW = Pattern.compile("(?i)(?<![\\w./])www\\.[^" + STOP + "]+");
    /** Sentence punctuation that follows a URL in prose rather than belonging to it. */
    private static final String TRAILING = ".,;:!?)]}*";

    private UrlExtractor() {
    }

    /** A candidate that is not downloadable, with a reason for the user (from the URL parser). */
    public record Refusal(String text, String reason) {
    }

    /** What the text held: the downloadable URLs, de-duplicated in order, and the refused candidates. */
    public record Extraction(List<NormalizedUrl> urls, List<Refusal> refused) {

        public Extraction {
            urls = List.copyOf(urls);
            refused = List.copyOf(refused);
        }

        public boolean isEmpty() {
            return urls.isEmpty() && refused.isEmpty();
        }
    }

    public static Extraction extract(String text) {
        if (text == null || text.isBlank()) {
            return new Extraction(List.of(), List.of());
        }
        Map<String, NormalizedUrl> urls = new LinkedHashMap<>();
        List<Refusal> refused = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();

        Matcher http = HTTP.matcher(text);
        while (http.find()) {
            String candidate = trimTrailing(http.group());
            taken.add(new int[] {http.start(), http.end()});
            try {
                NormalizedUrl url = UrlNormalizer.normalize(candidate);
                urls.putIfAbsent(url.uri().toString(), url);
            } catch (InvalidUrlException e) {
                refused.add(new Refusal(candidate, e.getMessage()));
            }
        }
        refuseOthers(OTHER_SCHEME.matcher(text), taken, refused);
        refuseOthers(WWW.matcher(text), taken, refused);
        return new Extraction(List.copyOf(urls.values()), refused);
    }

    private static void refuseOthers(Matcher matcher, List<int[]> taken, List<Refusal> refused) {
        while (matcher.find()) {
            int start = matcher.start();
            if (taken.stream().anyMatch(range -> start >= range[0] && start < range[1])) {
                continue;
            }
            String candidate = trimTrailing(matcher.group());
            taken.add(new int[] {start, matcher.end()});
            String scheme = candidate.toLowerCase(Locale.ROOT);
            if (scheme.startsWith("http://") || scheme.startsWith("https://")) {
                continue;
            }
            try {
                UrlNormalizer.normalize(candidate);
            } catch (InvalidUrlException e) {
                refused.add(new Refusal(candidate, e.getMessage()));
            }
        }
    }

    /** Drops sentence punctuation; a closing parenthesis stays when the URL opened one (Wikipedia links). */
    static String trimTrailing(String candidate) {
        String url = candidate;
        while (!url.isEmpty() && TRAILING.indexOf(url.charAt(url.length() - 1)) >= 0) {
            char last = url.charAt(url.length() - 1);
            if (last == ')' && count(url, '(') >= count(url, ')')) {
                break;
            }
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }
}
