package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.InputRefused;
import app.ferry.engine.InvalidUrlException;
import app.ferry.engine.UrlNormalizer;
import app.ferry.engine.Problem;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskRecord;
import app.ferry.engine.TaskState;
import app.ferry.engine.net.InvalidProxyException;
import app.ferry.engine.request.Cookie;
import app.ferry.engine.request.Header;
import app.ferry.engine.request.RequestOptions;
import app.ferry.engine.net.ProxyUrl;
import app.ferry.engine.transfer.Phrases;
import app.ferry.ui.settings.ProxyChoice;
import app.ferry.ui.settings.ProxyMode;
import app.ferry.ui.settings.ProxyPasswordStore;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    @Test
    void redirectAndRestartFailuresAreSaidInChineseWithOnlyTheirDataInEnglish() {
        Problem loop = Phrases.tooManyRedirects(20, "http://h/loop");
        assertThat(zh.of(loop)).isEqualTo("从 http://h/loop 开始的重定向超过 20 次，已停止跟随");
        assertThat(en.of(loop)).isEqualTo(loop.english());
        Problem insecure = Phrases.redirectInsecure("https://h/a", "http://h/a");
        assertThat(zh.of(insecure)).startsWith("已拒绝从 https://h/a 重定向到未加密的 http://h/a");
        Problem restarted = Phrases.restartedTooOften(3,
                Phrases.segmentWholeFile());
        assertThat(zh.of(restarted)).isEqualTo("已从头重新开始 3 次仍未完成：服务器对分段请求返回了整个文件：改用单个连接，从头开始");
        Problem segment = Phrases.segmentStatus(503, 0, 99, "http://h/a");
        assertThat(zh.of(segment)).isEqualTo("http://h/a 对第 0-99 字节返回了 HTTP 503（服务不可用）");
        Problem offset = Phrases.uploadOffsetBeyond(4096, 2048);
        assertThat(zh.of(offset)).isEqualTo("服务器声称已收到 4.0 KiB，但文件只有 2.0 KiB");
    }

    /** Every code the transfers phrase, rendered in Chinese: no English word but the data and the bundle's own. */
    @Test
    void everyPhrasedCodeLeavesNoEnglishInChinese() throws IOException {
        Problem mismatch = new Problem(Problem.Code.RANGE_MISMATCH, List.of("bytes 0-9/100", "50", ""),
                "The server answered a request for bytes 50- with Content-Range \"bytes 0-9/100\"", false);
        assertThat(zh.of(Phrases.rangesWrong(mismatch)))
                .isEqualTo("服务器没有发送所请求的第 50- 字节（Content-Range：“bytes 0-9/100”）：改用单个连接，从头开始");
        List<Problem> all = List.of(
                Phrases.tooManyRedirects(20, "http://h/loop"),
                Phrases.redirectWithoutLocation(302, "http://h/a"),
                Phrases.redirectInvalid("http://[bad"),
                Phrases.redirectNotHttp("ftp://h/a"),
                Phrases.redirectInsecure("https://h/a", "http://h/a"),
                Phrases.restartedTooOften(3, Phrases.wholeFileInstead()),
                Phrases.noChallenge(),
                Phrases.uploadRedirected(302, "POST", "http://h/b"),
                Phrases.conflictingLength(200, "http://h/a", "[1000, 1048576]"),
                Phrases.partialShorter("/d/a.part"),
                Phrases.partialGone("/d/a.part"),
                Phrases.rangeUnsatisfiable(100, "bytes */50"),
                Phrases.restCompressed("gzip"),
                Phrases.changedInSegments("its ETag or Last-Modified differ"),
                Phrases.segmentWholeFile(),
                Phrases.segmentGone(0, 99),
                Phrases.segmentCompressed(0, 99, "gzip"),
                Phrases.segmentStatus(500, 0, 99, "http://h/a"),
                Phrases.segmentClosed(0, 99, 50),
                Phrases.segmentsIncomplete(2),
                Phrases.tooMuchData(100),
                Phrases.undecodable("a.txt", "br"),
                Phrases.damagedEncoding("gzip", "invalid block type"),
                Phrases.writeFailed("Input/output error", 4096),
                Phrases.uploadFileChanged("/d/a.iso"),
                Phrases.uploadExpired(404, "http://h/files/1", "tus HEAD failed"),
                Phrases.uploadOffsetBeyond(4096, 2048),
                Phrases.uploadedTo("http://h/files/1"),
                Phrases.rangesWrong(mismatch),
                Phrases.resumeRangeWrong(mismatch),
                Phrases.overlapDiffers(65536),
                Phrases.tusFailed("PATCH", "http://h/files/1", 500, "tus PATCH http://h/files/1 failed: HTTP/1.1 500"),
                Phrases.tusProtocol("POST", "http://h/files", 201, "tus POST http://h/files: no Location header"),
                Phrases.uploadFileChangedDuring("/d/a.log", "/d/a.log changed size during upload: was 10, now 20"));
        UntranslatedWords words = UntranslatedWords.of("messages_zh_CN.properties",
                List.of("bytes 0-9/100", "bytes */50", "gzip", "br", "a.txt", "POST", "PATCH", "invalid block type", "Input/output error"));
        for (Problem problem : all) {
            String chinese = zh.of(problem);
            assertThat(chinese).as(problem.code().name()).isNotEqualTo(problem.english()).doesNotContain("{");
            assertThat(words.in(chinese)).as(chinese).isEmpty();
        }
    }
    /** Issue 13's network failures: said in Chinese with only their data (proxy, host, path, variable) in English. */
    @Test
    void networkFailuresOfANewUsersTrialAreSaidInChinese() throws IOException {
        List<Problem> all = List.of(
                new Problem(Problem.Code.PROXY_UNREACHABLE, List.of("http://proxy.corp:3128", "https_proxy", "refused"), "x", true),
                new Problem(Problem.Code.PROXY_UNREACHABLE, List.of("http://proxy.corp:3128", "", "unknownHost"), "x", true),
                new Problem(Problem.Code.PROXY_UNREACHABLE, List.of("http://proxy.corp:3128", "", "timedOut"), "x", true),
                new Problem(Problem.Code.PROXY_TUNNEL_REFUSED, List.of("http://proxy.corp:3128", "h:443", "403"), "x", false),
                new Problem(Problem.Code.PROXY_TUNNEL_FAILED, List.of("http://proxy.corp:3128", "h:443", "502"), "x", true),
                new Problem(Problem.Code.PROXY_NOT_TUNNELING, List.of("http://proxy.corp:3128", "501", "https_proxy"), "x", false),
                new Problem(Problem.Code.PROXY_NOT_TUNNELING, List.of("http://proxy.corp:3128", "405", ""), "x", false),
                new Problem(Problem.Code.CERTIFICATE_WRONG_HOST, List.of("wrong.test", "localhost, 127.0.0.1"), "x", false),
                new Problem(Problem.Code.NOT_TLS, List.of("127.0.0.1:18081", "http://127.0.0.1:18081/t.bin"), "x", false),
                new Problem(Problem.Code.CA_SOURCE_UNUSABLE, List.of("SSL_CERT_FILE", "/x.pem", "missing"), "x", false),
                new Problem(Problem.Code.CA_SOURCE_UNUSABLE, List.of("SSL_CERT_DIR", "/certs", "noCertificates"), "x", false),
                new Problem(Problem.Code.UNTRUSTED_CA_SOURCE_UNUSABLE,
                        List.of("h: it is not signed by a certificate authority that Ferry trusts", "SSL_CERT_FILE", "/x.pem", "folder"),
                        "x", false),
                Phrases.downloadRefused(403, "http://h/a.zip"),
                Phrases.downloadRefused(401, "http://h/a.zip"),
                Phrases.headersTooLarge("http://h/a.zip"),
                Phrases.notTls(java.net.URI.create("https://127.0.0.1:18081/t.bin")));
        UntranslatedWords words = UntranslatedWords.of("messages_zh_CN.properties",
                List.of("proxy.corp:3128", "https_proxy", "h:443", "wrong.test", "localhost", "SSL_CERT_FILE", "SSL_CERT_DIR"));
        for (Problem problem : all) {
            String chinese = zh.of(problem);
            assertThat(chinese).as(problem.code().name()).doesNotContain("{", "!problem").containsPattern("\\p{IsHan}");
            assertThat(words.in(chinese)).as(chinese).isEmpty();
            assertThat(en.of(problem)).as(problem.code().name()).doesNotContain("{", "!problem");
        }
        assertThat(zh.of(all.get(0))).isEqualTo("无法连接到代理 http://proxy.corp:3128（该地址无人应答）：请检查环境变量 https_proxy，或在设置中选择代理");
        assertThat(zh.of(Phrases.headersTooLarge("http://h/a.zip")))
                .isEqualTo("http://h/a.zip 返回了 HTTP 431（请求头字段太大）：Ferry 发送的请求头对该服务器来说太大，通常是 Cookie 太多或太长：只保留该网站需要的 Cookie");
        assertThat(en.of(Phrases.downloadRefused(403, "http://h/a.zip"))).startsWith("HTTP 403 Forbidden for http://h/a.zip:")
                .contains("Refresh link").doesNotContain("--cookie");
    }

    @Test
    void failuresOutsideATransferAreSaidInTheWindowsLanguageWithTheirDataKept() {
        assertThat(zh.why(new AccessDeniedException("/home/u/.config/ferry/settings.json"))).isEqualTo("没有权限");
        Problem folder = new Problem(Problem.Code.NAME_WITH_FOLDER, List.of("a/b.iso"), "A file name cannot contain / or \\", false);
        assertThat(zh.why(new InputRefused(folder))).isEqualTo("文件名不能包含 / 或 \\：“a/b.iso”");
        assertThat(en.why(new InputRefused(folder))).isEqualTo("A file name cannot contain / or \\: \"a/b.iso\"");
        IOException named = new IOException("a.iso: /d/a.iso", new AccessDeniedException("/d/a.iso"));
        assertThat(zh.file(named)).isEqualTo("/d/a.iso：没有权限");
        // Not a transfer: "closed" in an unknown failure is its own words, never a guessed network fault.
        assertThat(zh.why(new IOException("Stream closed"))).isEqualTo("Stream closed");
    }

    @Test
    void aSavedQueueThatCannotBeReadIsSaidInChinese() {
        Problem damaged = new Problem(Problem.Code.JOURNAL_DAMAGED, List.of("tasks.journal", "[3]"), "damaged", false);
        Problem kept = new Problem(Problem.Code.JOURNAL_COPY_KEPT, List.of("tasks.journal.damaged-1"), "kept", false, damaged);
        assertThat(zh.of(kept)).isEqualTo("任务日志 tasks.journal 的第 [3] 行已损坏；其中记录的更改已丢失；日志的副本已保留为 tasks.journal.damaged-1");
        Problem aside = new Problem(Problem.Code.TASK_KEPT_ASIDE, List.of("abc", "Unexpected character", "task-abc.json.unreadable-1"),
                "x", false);
        assertThat(zh.of(aside)).isEqualTo("无法读取任务 abc（Unexpected character）；已将其保留为 task-abc.json.unreadable-1");
    }

    @Test
    void aProxyThatCannotBeUsedIsSaidInChineseWithItsAddressKept() throws IOException {
        List<String> addresses = List.of("socks5h://u:secret@127.0.0.1:1080", "https://proxy.corp:3128", "ftp://proxy.corp:21",
                "http://[::1:3128", "http://[::1]x", "http://", "http://proxy.corp:port", "http://proxy.corp:70000",
                "http://u:%zz@proxy.corp:3128");
        UntranslatedWords words = UntranslatedWords.of("messages_zh_CN.properties",
                List.of("all_proxy", "127.0.0.1:1080", "proxy.corp:3128", "proxy.corp:port", "proxy.corp:70000", "ftp", "[::1]x"));
        for (String address : addresses) {
            Problem problem = refusal(address);
            String chinese = zh.of(problem);
            assertThat(chinese).as(address).isNotEqualTo(problem.english()).doesNotContain("{", "secret")
                    .containsPattern("\\p{IsHan}").startsWith("all_proxy");
            assertThat(words.in(chinese)).as(chinese).isEmpty();
            assertThat(en.of(problem)).as(address).isEqualTo(problem.english());
        }
        assertThat(zh.of(refusal("http://proxy.corp:port"))).isEqualTo(
                "all_proxy 不是有效的代理地址（端口必须是数字）：http://proxy.corp:port。请写为 http://主机:端口；"
                        + "如果代理需要用户名和密码，在主机前加上 用户名:密码@");
    }

    private static Problem refusal(String address) {
        try {
            ProxyUrl.parse(address, "all_proxy");
        } catch (InvalidProxyException e) {
            return e.problem();
        }
        throw new AssertionError(address + " was taken as a proxy");
    }

    @Test
    void aProxyPasswordThatCannotBeSavedSaysWhyInChinese(@TempDir Path temp) throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("config"), "a file where the settings folder should be");
        ProxyPasswordStore store = new ProxyPasswordStore(notAFolder.resolve("ferry"));
        IOException failure = catchThrowableOfType(IOException.class,
                () -> store.save(new ProxyChoice(ProxyMode.MANUAL, "proxy.corp", 3128, "u", "", true), "secret"));
        String chinese = I18n.forLanguage("zh-CN").get("msg.proxyPasswordNotSaved", store.file(), zh.why(failure));
        assertThat(chinese).doesNotContain("secret").containsPattern("\\p{IsHan}");
        assertThat(UntranslatedWords.of("messages_zh_CN.properties", List.of(store.file().toString())).in(chinese))
                .as(chinese).isEmpty();
    }

    @Test
    void aRequestOptionOfADialogThatIsWrongIsSaidInChinese() throws IOException {
        List<Runnable> wrong = List.of(
                () -> RequestOptions.fromText("Accept: */*\nbad name: x", ""),
                () -> RequestOptions.fromText("Host: h", ""),
                () -> RequestOptions.fromText("Range: bytes=0-", ""),
                () -> RequestOptions.fromText("no colon", ""),
                () -> RequestOptions.fromText("", "a=b; secretvalue"),
                () -> RequestOptions.fromText("", "a b=c"),
                () -> new Header("X-Token", "a\nb"),
                () -> new Cookie(null, false, "/", false, 0, "sid", "a\u0001b"),
                () -> new RequestOptions(List.of(), "agent\n2", null, List.of()));
        UntranslatedWords words = UntranslatedWords.of("messages_zh_CN.properties",
                List.of("bad name", "Host", "Range", "a b", "X-Token", "sid", "User-Agent"));
        for (Runnable bad : wrong) {
            IllegalArgumentException refused = catchThrowableOfType(IllegalArgumentException.class, bad::run);
            assertThat(refused).isInstanceOf(InputRefused.class);
            String chinese = zh.why(refused);
            assertThat(chinese).isNotEqualTo(refused.getMessage()).doesNotContain("{", "secretvalue")
                    .containsPattern("\\p{IsHan}");
            assertThat(words.in(chinese)).as(chinese).isEmpty();
            assertThat(en.why(refused)).as(refused.getMessage()).isNotBlank();
        }
        IllegalArgumentException host = catchThrowableOfType(IllegalArgumentException.class,
                () -> RequestOptions.fromText("Accept: */*\nHost: h", ""));
        assertThat(zh.why(host)).isEqualTo("第 2 行请求头：不能设置请求头 Host：HTTP 客户端会根据连接和请求体自行设置它");
        assertThat(en.why(host)).isEqualTo(host.getMessage());
    }

    @Test
    void aUrlTheUploadDialogCannotUseIsSaidInChinese() throws IOException {
        List<String> bad = List.of("", " ", "example.com/a", "ftp://h/a", "http:/a", "http://[::1/a", "http://[::1]x/a",
                "http://h:99999/a", "http://h:port/a", "http://%zz/a", "http://u:%zz@h/a", "http://h/a\uD800",
                "http://a b/c", "http://xn--a.com/\uD800b");
        for (String url : bad) {
            IllegalArgumentException refused = catchThrowableOfType(IllegalArgumentException.class,
                    () -> UrlNormalizer.normalize(url));
            assertThat(refused).as(url).isInstanceOf(InvalidUrlException.class);
            String chinese = zh.why(refused);
            assertThat(chinese).as(url).isNotEqualTo(refused.getMessage()).doesNotContain("{")
                    .containsPattern("\\p{IsHan}");
            List<String> data = ((InvalidUrlException) refused).problem().args();
            assertThat(UntranslatedWords.of("messages_zh_CN.properties", data).in(chinese)).as(chinese).isEmpty();
            assertThat(en.why(refused)).as(url).isNotBlank();
        }
        IllegalArgumentException port = catchThrowableOfType(IllegalArgumentException.class,
                () -> UrlNormalizer.normalize("http://h:99999/a"));
        assertThat(zh.why(port)).isEqualTo("\"http://h:99999/a\" 的端口 \"99999\" 无效：端口是 1 到 65535 之间的数字");
        assertThat(en.why(port)).isEqualTo(port.getMessage());
    }
}
