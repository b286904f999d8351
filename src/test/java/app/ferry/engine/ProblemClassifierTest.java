package app.ferry.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.transfer.TransferFailure;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Issue 12 item 9: each Java message the probe met, said in Ferry's words, with the retry decision. */
class ProblemClassifierTest {

    @Test
    void headerParserReceivedNoBytesIsTheServerHangingUpWithoutAnAnswer() {
        Problem p = ProblemClassifier.classify(new IOException("HTTP/1.1 header parser received no bytes",
                new EOFException("EOF reached while reading")));

        assertThat(p.code()).isEqualTo(Problem.Code.NO_ANSWER);
        assertThat(p.english()).isEqualTo("the server closed the connection without answering");
        assertThat(p.transientFault()).isTrue();
    }

    @Test
    void aCancellationExceptionIsAClosedConnectionNotAJavaClassName() {
        CancellationException cancelled = new CancellationException();
        Problem p = ProblemClassifier.classify(new IOException(cancelled.toString(), cancelled));

        assertThat(p.english()).isEqualTo("the connection was closed before the answer was complete")
                .doesNotContain("java.");
        assertThat(p.transientFault()).isTrue();
    }

    @Test
    void theWatchdogsAbortSaysHowLongNothingCameNotClosed() {
        Problem p = ProblemClassifier.classify(new ProblemClassifier.IdleTimeout(60, new IOException("closed")));

        assertThat(p.code()).isEqualTo(Problem.Code.IDLE);
        assertThat(p.args()).containsExactly("60");
        assertThat(p.english()).isEqualTo("the server sent nothing for 60 s, so Ferry dropped the connection to reconnect");
    }

    @Test
    void aNegativeContentLengthIsTheServersFaultNotClosed() {
        Problem p = ProblemClassifier.classify(new IOException("closed",
                new IOException("fixed content-length: -5, bytes received: 0")));

        assertThat(p.code()).isEqualTo(Problem.Code.PROTOCOL);
        assertThat(p.transientFault()).isFalse();
        assertThat(p.english()).startsWith("the server's answer is not valid HTTP (Content-Length: -5, a negative length).");
    }

    @Test
    void aBodyCutShortSaysHowMuchOfWhatArrived() {
        Problem p = ProblemClassifier.classify(new IOException("closed",
                new IOException("fixed content-length: 1000, bytes received: 10")));

        assertThat(p.english()).isEqualTo("the connection was closed after 10 of the 1000 bytes the server announced");
        assertThat(p.transientFault()).isTrue();
    }

    @Test
    void aProtocolErrorBlamesTheServerAndIsNotRetried() {
        Problem p = ProblemClassifier.classify(new IOException("wrapped",
                new ProtocolException("Invalid status line: \"garbage\"")));

        assertThat(p.code()).isEqualTo(Problem.Code.PROTOCOL);
        assertThat(p.transientFault()).isFalse();
        assertThat(p.english()).startsWith("the server's answer is not valid HTTP (Invalid status line: \"garbage\")")
                .contains("fault of the server, not of the connection").doesNotContain("connection or the server is back");
    }

    @Test
    void aLocalFileProblemNamesThePathAndTheReasonAndIsNotRetried() {
        Problem directory = ProblemClassifier.classify(new FileSystemException("/d/a.part", null, "Is a directory"));
        Problem exists = ProblemClassifier.classify(new IOException(new FileAlreadyExistsException("/d/state")));

        assertThat(directory.transientFault()).isFalse();
        assertThat(directory.args()).containsExactly("/d/a.part", "is a directory");
        assertThat(directory.english()).isEqualTo("cannot use /d/a.part: is a directory. Fix it (or choose another"
                + " place), then resume");
        assertThat(exists.args().get(1)).startsWith("something already exists there");
    }

    @Test
    void aFaultAlreadyPhrasedByTheEngineKeepsItsWordsAndItsRetryDecision() {
        assertThat(ProblemClassifier.classify(new TransferFailure.Retryable("HTTP 503 from x")))
                .isEqualTo(new Problem(Problem.Code.STATED, java.util.List.of("HTTP 503 from x"), "HTTP 503 from x", true));
        assertThat(ProblemClassifier.classify(new TransferFailure.Fatal("no")).transientFault()).isFalse();
    }

    @Test
    void aFailureOutsideATransferIsNeverGuessedToBeTheNetworks() {
        Problem words = ProblemClassifier.local(new IOException("Stream closed"));
        assertThat(words.code()).isEqualTo(Problem.Code.OTHER);
        assertThat(words.english()).isEqualTo("Stream closed");
        Problem file = ProblemClassifier.local(new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException("/d/s")));
        assertThat(file.code()).isEqualTo(Problem.Code.LOCAL_FILE);
        assertThat(file.args()).containsExactly("/d/s", "permission denied");
        Problem coded = new Problem(Problem.Code.NAME_UNUSABLE, java.util.List.of(".."), "\"..\" is not a usable file name", false);
        assertThat(ProblemClassifier.local(new InputRefused(coded))).isEqualTo(coded);
        assertThat(ProblemClassifier.local(new TransferFailure.Fatal(coded))).isEqualTo(coded);
    }
}
