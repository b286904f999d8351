package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.Problem;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskRecord;
import app.ferry.engine.TaskState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's codes in each language; words with no code (earlier versions, STATED) as they were said. */
class ProblemTextTest {

    private final ProblemText zh = new ProblemText(I18n.forLanguage("zh-CN"));
    private final ProblemText en = new ProblemText(I18n.forLanguage("en"));

    @Test
    void anHttpStatusIsSaidInTheWindowsLanguage() {
        Problem notFound = new Problem(Problem.Code.NOT_FOUND, List.of("404", "http://h/a.bin"), "HTTP 404 Not Found for http://h/a.bin", false);
        assertThat(zh.of(notFound)).isEqualTo("http://h/a.bin 返回了 HTTP 404（未找到）：文件不在那里（请检查链接）");
        assertThat(en.of(notFound)).isEqualTo("HTTP 404 Not Found for http://h/a.bin: the file is not there (check the URL)");
        assertThat(zh.status(599)).isEqualTo("HTTP 599");
    }

    @Test
    void aWrappedProblemIsRenderedInsideItsWrapper() {
        Problem refused = new Problem(Problem.Code.CANNOT_CONNECT, List.of("h:1 (connection refused)"), "could not connect", true);
        Problem gaveUp = new Problem(Problem.Code.GAVE_UP, List.of("3"), "Gave up after 3 failed attempts", false, refused);
        assertThat(zh.of(gaveUp)).startsWith("连续 3 次尝试失败后放弃：无法连接到服务器").endsWith("请在网络或服务器恢复后重试。");
        Problem retrying = new Problem(Problem.Code.RETRYING, List.of("1", "44"), "Attempt 1 failed", true, refused);
        assertThat(zh.of(retrying)).isEqualTo("第 1 次尝试失败（无法连接到服务器（该地址无人应答，或无法到达））；0.1 秒后重试");
    }

    @Test
    void englishOnlyWordsAndOldRecordsAreShownAsTheyWereSaid() {
        assertThat(zh.of(Problem.stated("The proxy refused", false))).isEqualTo("The proxy refused");
        TaskRecord old = TaskRecord.create(TaskId.random(), DownloadSpec.of("http://h/a.bin", Path.of("/tmp")), "a.bin", 0)
                .withState(TaskState.FAILED, "HTTP 404 Not Found", 1);
        assertThat(zh.reason(old)).isEqualTo("HTTP 404 Not Found");
        assertThat(zh.event(new HistoryEvent(1, HistoryEvent.Kind.NOTE, -1, "an old note"))).isEqualTo("an old note");
        assertThat(zh.event(new HistoryEvent(1, HistoryEvent.Kind.PAUSED, 2048, "Paused with 2048 bytes saved",
                new Problem(Problem.Code.PAUSED, List.of("2048"), "Paused with 2048 bytes saved", false))))
                .isEqualTo("已暂停，已保存 2.0 KiB");
    }

    @Test
    void localFileReasonsTheEngineNamesAreTranslatedAndOthersKept() {
        Problem missing = new Problem(Problem.Code.LOCAL_FILE, List.of("/d/a.iso", "it does not exist (moved or deleted?)"),
                "/d/a.iso does not exist", false);
        assertThat(zh.of(missing)).isEqualTo("无法使用 /d/a.iso：它不存在（已被移动或删除？）。请修正（或换一个位置）后继续");
        Problem odd = new Problem(Problem.Code.LOCAL_FILE, List.of("/d/a.iso", "stale file handle"), "x", false);
        assertThat(zh.of(odd)).contains("stale file handle");
        assertThat(zh.of(new Problem(Problem.Code.DISK_FULL, List.of("4096"), "x", false))).startsWith("写到第 4096 字节时磁盘已满");
    }
}
