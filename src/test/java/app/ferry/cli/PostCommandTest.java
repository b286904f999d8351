package app.ferry.cli;

import static app.ferry.cli.PutCommandTest.assertUsageError;
import static app.ferry.cli.PutCommandTest.tasksIn;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.upload.Bodies;
import app.ferry.testing.FerryRunner;
import app.ferry.testing.FerryRunner.Result;
import app.ferry.testing.TestServer;
import app.ferry.testing.UploadRecorder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry post} with curl's {@code -F} syntax, parsed on the server by Jetty and by Commons FileUpload. */
class PostCommandTest {

    @TempDir
    static Path serverDir;
    private static final UploadRecorder recorder = new UploadRecorder();
    private static TestServer server;

    @TempDir
    Path dir;
    private Path state;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start()
                .multipartServlet("/form-jetty", recorder.jettyForm(), UploadRecorder.multipartConfig(serverDir))
                .servlet("/form-commons", recorder.commonsForm(serverDir))
                .servlet("/store/*", recorder.store());
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void clear() {
        recorder.clear();
        state = dir.resolve("state");
    }

    private Path randomFile(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void textFieldsAndTwoFilesUnderOneNameReachBothParsersIntact() throws Exception {
        Path first = randomFile("report 2024.pdf", 700_000);
        Path second = randomFile("IMG_0001.HEIC", 1_300_000);

        for (String path : List.of("/form-jetty", "/form-commons")) {
            Result run = FerryRunner.inProcess("post", server.uri(path).toString(),
                    "-F", "name=Zoë 照片",
                    "-F", "comment=\"semi;colon\"",
                    "-F", "userfile[]=@" + first,
                    "-F", "userfile[]=@" + second + ";type=image/jpeg;filename=aaa.jpg",
                    "--state", state.toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }

        List<UploadRecorder.FormPart> expected = List.of(
                new UploadRecorder.FormPart("name", null, null, Bodies.sha256("Zoë 照片".getBytes(StandardCharsets.UTF_8))),
                new UploadRecorder.FormPart("comment", null, null, Bodies.sha256("semi;colon".getBytes(StandardCharsets.UTF_8))),
                new UploadRecorder.FormPart("userfile[]", "report 2024.pdf", "application/pdf", Bodies.sha256(first)),
                new UploadRecorder.FormPart("userfile[]", "aaa.jpg", "image/jpeg", Bodies.sha256(second)));
        assertThat(recorder.forms()).extracting(UploadRecorder.Form::parser).containsExactly("jetty", "commons-fileupload2");
        assertThat(recorder.forms()).allSatisfy(form -> assertThat(form.parts()).isEqualTo(expected));
        UploadRecorder.Form commons = recorder.forms().get(1);
        assertThat(commons.contentLength()).as("advertised Content-Length = bytes received").isEqualTo(commons.bytesRead());
        assertThat(recorder.forms().get(0).contentLength()).isEqualTo(commons.contentLength());
    }

    @Test
    void printsTheResponse() throws Exception {
        Path file = randomFile("a.txt", 100);

        // The field attached to -F, as curl and getopt take it.
        Result run = FerryRunner.inProcess("post", server.uri("/store/form").toString(), "-Ff=@" + file,
                "--print-response", "--state", state.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("{\n  \"stored\" : \"/store/form\"");
    }

    @Test
    void badInputIsOneClearLineExitTwoAndNoTask() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        String url = server.uri("/form-commons").toString();

        assertUsageError(FerryRunner.inProcess("post", url, "-F", "novalue", "--state", state.toString()),
                "expected NAME=VALUE or NAME=@FILE");
        assertUsageError(FerryRunner.inProcess("post", url, "-F", "f=@" + dir.resolve("missing.bin"), "--state", state.toString()),
                "file not found");
        assertUsageError(FerryRunner.inProcess("post", url, "-F", "f=@" + folder, "--state", state.toString()),
                "is a directory");
        assertUsageError(FerryRunner.inProcess("post", url, "-F", "f=@" + randomFile("ok.txt", 3) + ";colour=red",
                "--state", state.toString()), "unknown option \"colour\"");
        assertUsageError(FerryRunner.inProcess("post", "gopher://127.0.0.1/x", "-F", "a=b", "--state", state.toString()),
                "not an http or https URL");
        assertThat(recorder.forms()).isEmpty();
        assertThat(tasksIn(state)).isEmpty();
    }
}
