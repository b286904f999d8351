package app.ferry.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentDispositionTest {

    /** What java.net.http hands over for a header sent as raw UTF-8 bytes. */
    private static String asReceived(String sentAsUtf8) {
        return new String(sentAsUtf8.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void extendedFilenameWinsOverPlainFilename() {
        assertThat(ContentDisposition.filename(
                "attachment; filename=\"fallback.txt\"; filename*=UTF-8''%E4%BD%A0%E5%A5%BD.txt"))
                .contains("你好.txt");
    }

    @Test
    void extendedFilenameWinsInEitherOrder() {
        assertThat(ContentDisposition.filename(
                "attachment; filename*=UTF-8''%E4%BD%A0%E5%A5%BD.txt; filename=\"fallback.txt\""))
                .contains("你好.txt");
    }

    @Test
    void quotedFilenameWithEscapesAndSemicolon() {
        assertThat(ContentDisposition.filename("attachment; filename=\"a \\\"quoted\\\"; name.pdf\""))
                .contains("a \"quoted\"; name.pdf");
    }

    @Test
    void tokenFilename() {
        assertThat(ContentDisposition.filename("attachment;filename=report.pdf")).contains("report.pdf");
    }

    @Test
    void parameterNamesAreCaseInsensitive() {
        assertThat(ContentDisposition.filename("ATTACHMENT; FileName=\"Report.PDF\"")).contains("Report.PDF");
        assertThat(ContentDisposition.filename("inline; FILENAME*=utf-8'en'%C3%A9t%C3%A9.txt")).contains("été.txt");
    }

    @Test
    void isoLatin1ExtendedValue() {
        assertThat(ContentDisposition.filename("attachment; filename*=iso-8859-1'de'%FCber.txt"))
                .contains("über.txt");
    }

    @Test
    void malformedExtendedValueFallsBackToFilename() {
        assertThat(ContentDisposition.filename("attachment; filename*=UTF-8''%FF%FE.txt; filename=ok.txt"))
                .contains("ok.txt");
        assertThat(ContentDisposition.filename("attachment; filename*=KOI8-R''%C1.txt; filename=ok.txt"))
                .contains("ok.txt");
        assertThat(ContentDisposition.filename("attachment; filename*=no-quotes.txt; filename=ok.txt"))
                .contains("ok.txt");
        assertThat(ContentDisposition.filename("attachment; filename*=UTF-8''bad%2.txt; filename=ok.txt"))
                .contains("ok.txt");
    }

    @Test
    void rawUtf8InFilenameIsRepaired() {
        assertThat(ContentDisposition.filename(asReceived("attachment; filename=\"功夫熊猫.mp4\"")))
                .contains("功夫熊猫.mp4");
    }

    @Test
    void genuineLatin1InFilenameIsKept() {
        // "é" alone as one byte 0xE9 is not valid UTF-8, so it stays Latin-1.
        assertThat(ContentDisposition.filename("attachment; filename=\"caf\u00e9.txt\"")).contains("café.txt");
    }

    @Test
    void rawUtf8InExtendedValueIsTolerated() {
        assertThat(ContentDisposition.filename(asReceived("attachment; filename*=UTF-8''功夫.mp4")))
                .contains("功夫.mp4");
    }

    @Test
    void quotedExtendedValueIsTolerated() {
        assertThat(ContentDisposition.filename("attachment; filename*=\"UTF-8''a%20b.txt\"")).contains("a b.txt");
    }

    @Test
    void unquotedValueWithSpacesRunsToSemicolon() {
        assertThat(ContentDisposition.filename("attachment; filename=my file.pdf ; size=3")).contains("my file.pdf");
    }

    @Test
    void unterminatedQuoteRunsToTheEnd() {
        assertThat(ContentDisposition.filename("attachment; filename=\"half.txt")).contains("half.txt");
    }

    @Test
    void firstOccurrenceCounts() {
        assertThat(ContentDisposition.filename("attachment; filename=a.txt; filename=b.txt")).contains("a.txt");
    }

    @Test
    void otherParametersAreIgnored() {
        assertThat(ContentDisposition.filename(
                "attachment; name=\"field\"; creation-date=\"Wed, 12 Feb 1997 16:29:51 -0500\"; filename=x.bin"))
                .contains("x.bin");
    }

    @Test
    void headerWithoutDispositionType() {
        assertThat(ContentDisposition.filename("filename=x.bin")).contains("x.bin");
    }

    @Test
    void nameIsReturnedUnsanitized() {
        // Sanitizing is SafeFileName's job; this class reports what the server said.
        assertThat(ContentDisposition.filename("attachment; filename=\"../../etc/passwd\""))
                .contains("../../etc/passwd");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"attachment", "inline;", "attachment; filename=", "attachment; filename=\"\"",
            ";;;;", "attachment; filename*=UTF-8''", "===", "attachment; foo=\"filename=x.txt\""})
    void noName(String header) {
        assertThat(ContentDisposition.filename(header)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "attachment; filename=\"a.txt\"  ; junk ; filename*=UTF-8''b.txt | b.txt",
        "attachment;;; filename  =  c.txt | c.txt",
        "attachment; filename=\"d.txt\" trailing junk; x=y | d.txt",
    })
    void toleratesJunk(String header, String expected) {
        assertThat(ContentDisposition.filename(header)).contains(expected);
    }
}
