package app.ferry.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the words on screen that no bundle of the language gave: every ASCII word (two letters
 * or more) of a visible text must be a word of the language's bundle ("HTTP", "SHA", "Ferry" in
 * the Chinese one) or part of data: a URL, a path, a file or host name the test knows, or a size
 * unit. Data the test names is removed first, longest first, so a file name with English in it
 * ("report for Friday.pdf") never counts as untranslated.
 */
final class UntranslatedWords {

    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern URL = Pattern.compile("[a-z][a-z0-9+.-]*://[\\x21-\\x7E]+");
    private static final Pattern PATH = Pattern.compile("(/[\\w.\\-@%+~()\\[\\]]+)+");
    /**
     * A cell too narrow for its text shows a prefix and an ellipsis ("失败: 从 htt..."): the cut
     * word is the start of a word or URL that the tooltip and the details show whole.
     */
    private static final Pattern CUT_END = Pattern.compile("\\S*(\\.\\.\\.|…)$");
    private static final Pattern FORMAT_ELEMENT = Pattern.compile("\\{[^}]*}");
    /** What {@code Units} writes after a number: data, the same in every language. */
    private static final Set<String> UNITS = Set.of("KiB", "MiB", "GiB", "TiB");

    private final Set<String> bundleWords;
    private final List<String> data;

    private UntranslatedWords(Set<String> bundleWords, Collection<String> data) {
        this.bundleWords = bundleWords;
        this.data = data.stream().filter(d -> d != null && !d.isBlank()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The check for the bundle {@code app/ferry/ui/<bundleFile>} and the data strings the test knows of. */
    static UntranslatedWords of(String bundleFile, Collection<String> data) throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = UntranslatedWords.class.getResourceAsStream("/app/ferry/ui/" + bundleFile)) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> words = new TreeSet<>();
        for (String key : bundle.stringPropertyNames()) {
            // "{0,number,integer}" is a MessageFormat element, not words the user reads.
            Matcher m = WORD.matcher(FORMAT_ELEMENT.matcher(bundle.getProperty(key)).replaceAll(" "));
            while (m.find()) {
                words.add(m.group());
            }
        }
        return new UntranslatedWords(words, data);
    }

    /** The words of {@code text} that are neither the bundle's nor data; empty when all is translated. */
    List<String> in(String text) {
        String rest = CUT_END.matcher(text).replaceFirst(" ");
        for (String known : data) {
            rest = rest.replace(known, " ");
        }
        rest = PATH.matcher(URL.matcher(rest).replaceAll(" ")).replaceAll(" ");
        List<String> found = new ArrayList<>();
        Matcher m = WORD.matcher(rest);
        while (m.find()) {
            if (!bundleWords.contains(m.group()) && !UNITS.contains(m.group())) {
                found.add(m.group());
            }
        }
        return found;
    }

    Set<String> bundleWords() {
        return bundleWords;
    }
}
