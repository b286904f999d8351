package app.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ferry.testing.FerryProcess;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 9: the command line's messages say what happened and what to do, in Ferry's words. */
class CliMessagesTest {

    @TempDir
    Path temp;
    private TestServer server;
    private FerryProcess child;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        if (child != null) {
            child.close();
        }
        server.close();
    }

    @Test
    void aStateDirectoryThatIsAFileIsExplainedNotJustNamed() throws IOException {
        Path file = Files.writeString(temp.resolve("state"), "not a folder");
        server.serve("/a.bin", TestServer.randomBytes(10, 1));

        int exit = run("get", "--dir", temp.toString(), "--state", file.toString(), server.url("/a.bin"));

        assertThat(exit).isEqualTo(ExitCode.STATE_UNAVAILABLE);
        assertThat(err.toString().strip()).isEqualTo("ferry: cannot use the state directory " + file + ": something"
                + " already exists there (a file where a folder is needed, or the other way round). Fix it, or choose"
                + " another directory with --state");
    }

    @Test
    void credentialsAreAskedForWithAnAdviceThatResumeDoesNotContradict() throws IOException {
        server.serve("/secret.bin", TestServer.randomBytes(100, 2)).requireBasicAuth("alice", "pw", "vault");
        Path state = temp.resolve("state");
        String advice = "the server asks for a user name and password; run the command that added it again with"
                + " --user USER:PASSWORD (ferry get, put or post with the same URL), and it continues where it stopped";

        int get = run("get", "--dir", temp.toString(), "--state", state.toString(), server.url("/secret.bin"));
        String getErr = err.toString();
        int resume = run("resume", "--state", state.toString());
        String resumeErr = err.toString();
        int again = run("get", "--dir", temp.toString(), "--state", state.toString(), "--user", "alice:pw",
                server.url("/secret.bin"));

        assertThat(get).isEqualTo(ExitCode.TRANSFER_FAILED);
        assertThat(getErr).contains("ferry: secret.bin: " + advice);
        assertThat(resume).isEqualTo(ExitCode.TRANSFER_FAILED);
        assertThat(resumeErr).contains("ferry: secret.bin: " + advice);
        // The advice works: the same command with --user continues the task.
        assertThat(again).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(temp.resolve("secret.bin")).exists();
    }

    @Test
    void listSaysInterruptedForATaskWhoseProcessWasKilledAndRunningWhileItLives() {
        server.serve("/slow.bin", TestServer.randomBytes(8 << 20, 3)).throttle(256 << 10);
        Path state = temp.resolve("state");
        Path downloads = temp.resolve("downloads");
        child = FerryProcess.start(temp.resolve("logs"), "get", "get", "--dir", downloads.toString(), "--state",
                state.toString(), server.url("/slow.bin"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> run("list", "--state", state.toString()) == ExitCode.OK && out.toString().contains(" running "));

        child.kill();
        int exit = run("list", "--state", state.toString());

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains(" interrupted ").doesNotContain(" running ").contains("slow.bin");
        assertThat(err.toString()).contains("Interrupted tasks continue with the next ferry run on this state directory");
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
