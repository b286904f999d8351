package app.ferry.ui;

import app.ferry.engine.InvalidUrlException;
import app.ferry.engine.Problem;
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
    /** Addresses without "//" that are still addresses, never downloads: said so rather than called text. */
    private static final Pattern NO_SLASHES_SCHEME = Pattern.compile("(?i)\\b(?:mailto|magnet|tel|data|javascript|file):[^" + STOP + "]+");
    /** Sentence punctuation that follows a URL in prose rather than belonging to it. */
    private static final String TRAILING = ".,;:!?)]}*";

    private UrlExtractor() {
    }

    /** Why a candidate was refused, for the window to say in its language. */
    public enum RefusalKind {
        /** A line of the paste that holds no address at all. */
        NOT_A_LINK,
        /** An address without a scheme ({@code www.example.com/file.zip}): adding http:// fixes it. */
        NO_SCHEME,
        /** An address of another scheme (ftp://, mailto:): Ferry downloads http(s) only. */
        OTHER_SCHEME,
        /** An http(s) address the URL parser refused (a bad host name, a bad port). */
        INVALID
    }

    /**
     * A candidate that is not downloadable, with a reason for the user (from the URL parser).
     *
     * @param problem the parser's reason with its code, for the window's language; null when it gave none
     */
    public record Refusal(String text, String reason, RefusalKind kind, Problem problem) {

        public Refusal(String text, String reason, RefusalKind kind) {
            this(text, reason, kind, null);
        }
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
                refused.add(new Refusal(candidate, e.getMessage(), RefusalKind.INVALID, e.problem()));
            }
        }
        refuseOthers(OTHER_SCHEME.matcher(text), taken, refused, RefusalKind.OTHER_SCHEME);
        refuseOthers(WWW.matcher(text), taken, refused, RefusalKind.NO_SCHEME);
        refuseOthers(NO_SLASHES_SCHEME.matcher(text), taken, refused, RefusalKind.OTHER_SCHEME);
        if (!urls.isEmpty() || !refused.isEmpty()) {
            // A list with addresses in it: every other line is accounted for too, never silently dropped.
            refuseTextLines(text, taken, refused);
        }
        return new Extraction(List.copyOf(urls.values()), refused);
    }

    /** Each non-blank line that holds no candidate at all is "not a link". */
    private static void refuseTextLines(String text, List<int[]> taken, List<Refusal> refused) {
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end).strip();
            int lineStart = start;
            int lineEnd = end;
            boolean holdsCandidate = taken.stream().anyMatch(r -> r[0] < lineEnd && r[1] > lineStart);
            if (!line.isEmpty() && !holdsCandidate) {
                refused.add(new Refusal(line, "not a link", RefusalKind.NOT_A_LINK));
            }
            start = end + 1;
        }
    }

    private static void refuseOthers(Matcher matcher, List<int[]> taken, List<Refusal> refused, RefusalKind kind) {
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
                refused.add(new Refusal(candidate, "not an http or https URL", kind));
            } catch (InvalidUrlException e) {
                refused.add(new Refusal(candidate, e.getMessage(), kind, e.problem()));
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
