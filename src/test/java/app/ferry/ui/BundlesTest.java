package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.HistoryEvent;
import app.ferry.engine.TaskState;
import app.ferry.ui.settings.SettingsDialog;
import app.ferry.ui.settings.Theme;
import app.ferry.ui.settings.UploadMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The English and Chinese bundles have the same keys, and every key the code asks for exists. */
class BundlesTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/app/ferry/ui/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(load("messages_zh_CN.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void chineseIsReallyTranslated() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        assertThat(zh.getProperty("action.addUrls")).isEqualTo("添加链接");
        long han = zh.stringPropertyNames().stream().filter(k -> zh.getProperty(k).codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).count();
        assertThat(han).isGreaterThan(zh.size() * 8L / 10);
    }

    /**
     * The untranslated-text check of the window accepts any word found in the Chinese bundle, so
     * an English sentence pasted there would pass it: every sentence the engine's codes and the
     * window's messages render must hold Chinese.
     */
    @Test
    void everyProblemAndMessageIsChineseInChinese() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        List<String> english = zh.stringPropertyNames().stream()
                .filter(k -> k.startsWith("problem.") || k.startsWith("msg.") || k.startsWith("settings.proxy."))
                // A fragment of punctuation around its arguments (": {0}") has nothing to translate.
                .filter(k -> zh.getProperty(k).replaceAll("\\{[^}]*}", "").codePoints().anyMatch(Character::isLetter))
                .filter(k -> zh.getProperty(k).codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .sorted()
                .toList();
        assertThat(english).as("keys whose Chinese text has no Chinese").isEmpty();
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> used = new HashSet<>();
        Pattern literal = Pattern.compile("get\\(\"([a-z]+\\.[A-Za-z0-9.]+)\"|\"([a-z]+\\.[a-zA-Z]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/app/ferry/ui"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(source));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (key.matches("(action|add|column|common|credentials|details|direction|http|key|limit|msg|notify|problem|quit|remove|state"
                            + "|settings|startup|status|table|upload)\\..+") && !key.endsWith(".") && !key.endsWith(".json") && !key.endsWith(".css")) {
                        used.add(key);
                    }
                }
            }
        }
        // Keys built at run time from enum names.
        Arrays.stream(TaskState.values()).forEach(s -> used.add("state." + s.name()));
        Arrays.stream(HistoryEvent.Kind.values()).forEach(k -> used.add("history." + k.name()));
        // The engine's words: every code but those with English words only (ProblemText shows those as they are).
        Arrays.stream(app.ferry.engine.Problem.Code.values())
                .filter(c -> c != app.ferry.engine.Problem.Code.STATED && c != app.ferry.engine.Problem.Code.OTHER)
                .forEach(c -> used.add("problem." + c.name()));
        java.util.List.of(400, 401, 403, 404, 405, 407, 408, 409, 410, 413, 416, 429, 500, 501, 502, 503, 504)
                .forEach(status -> used.add("http." + status));
        java.util.List.of("Space", "Delete", "Enter").forEach(k -> used.add("key." + k));
        Arrays.stream(UploadMode.values()).forEach(m -> used.add("upload.mode." + m.name()));
        Arrays.stream(Theme.values()).forEach(t -> used.add("theme." + t.name()));
        Arrays.stream(app.ferry.ui.settings.ProxyMode.values()).forEach(m -> used.add("settings.proxy.mode." + m.name()));
        Arrays.stream(app.ferry.engine.NoProxyEntryProblem.Reason.values())
                .forEach(r -> used.add("settings.proxy.error.noProxy." + r.name()));
        SettingsDialog.LANGUAGES.forEach(l -> used.add("language." + l));
        Arrays.stream(app.ferry.ui.filter.TaskCategory.values()).forEach(c -> used.add(c.labelKey()));

        assertThat(used).hasSizeGreaterThan(100);
        assertThat(keys).containsAll(used);
    }

    @Test
    void englishIsChosenEvenOnAChineseSystemAndBack() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.SIMPLIFIED_CHINESE);
            assertThat(I18n.forLanguage("en").get("action.pause")).isEqualTo("Pause");
            assertThat(I18n.forLanguage("system").get("action.pause")).isEqualTo("暂停");
            java.util.Locale.setDefault(java.util.Locale.US);
            assertThat(I18n.forLanguage("zh-CN").get("action.pause")).isEqualTo("暂停");
            assertThat(I18n.forLanguage("system").get("msg.started", 3)).isEqualTo("3 downloads started.");
            assertThat(I18n.forLanguage("en").get("msg.started", 1)).isEqualTo("1 download started.");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
