package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The check {@link TranslatedWindowTest} relies on finds English words, and only those. */
class UntranslatedWordsTest {

    @Test
    void findsTheEnglishOfAnUntranslatedReasonButNotItsData() throws Exception {
        String url = "http://127.0.0.1:4711/nowhere/missing.bin";
        UntranslatedWords check = UntranslatedWords.of("messages_zh_CN.properties", List.of(url, "missing.bin"));

        assertThat(check.in("失败: HTTP 404 Not Found for " + url + ": the file is not there (check the URL)"))
                .contains("Not", "Found", "for", "the", "is", "not", "there", "check", "URL");
        assertThat(check.in("Gave up after 2 failed attempts in a row")).contains("Gave", "up", "after");
    }

    @Test
    void acceptsChineseWithDataAndTheBundlesOwnWords() throws Exception {
        String url = "http://127.0.0.1:4711/nowhere/Report for Friday.pdf";
        UntranslatedWords check = UntranslatedWords.of("messages_zh_CN.properties", List.of(url, "Report for Friday.pdf"));

        assertThat(check.in("失败: " + url + " 返回了 HTTP 404（未找到）：文件不在那里（请检查链接）")).isEmpty();
        assertThat(check.in("从 1.5 MiB 处继续 /tmp/junit123/downloads/x.bin.4f2a.part")).isEmpty();
    }

    @Test
    void aWordCutByAnEllipsisIsLeftToTheWholeTextButTheRestIsChecked() throws Exception {
        UntranslatedWords check = UntranslatedWords.of("messages_zh_CN.properties", List.of());

        assertThat(check.in("失败: 从 htt...")).isEmpty();
        assertThat(check.in("失败: 从 htt…")).isEmpty();
        assertThat(check.in("Failed: Not fou...")).contains("Failed", "Not").doesNotContain("fou");
    }
}
