package app.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowLauncherTest {

    @TempDir
    Path dir;

    @Test
    void withoutThePropertyTheWindowOpensInThisJvm() {
        assertThat(WindowProcess.configured(null)).isEmpty();
        assertThat(WindowProcess.configured(" ")).isEmpty();
    }

    @Test
    void aMissingWindowLauncherIsAClearError() {
        Path missing = dir.resolve("bin/Ferry");
        assertThatThrownBy(() -> WindowProcess.configured(missing.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("reinstall Ferry");
    }

    @Test
    void theWindowLauncherRunsAndItsExitCodeIsReturned() throws Exception {
        Path marker = dir.resolve("started");
        Path launcher = dir.resolve("Ferry");
        Files.writeString(launcher, "#!/bin/sh\necho \"$#\" > '" + marker + "'\nexit 7\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        Path configured = WindowProcess.configured(dir.resolve("lib/app/../../Ferry").toString()).orElseThrow();

        assertThat(configured).isEqualTo(launcher);
        assertThat(WindowProcess.run(configured)).isEqualTo(7);
        assertThat(Files.readString(marker).trim()).isEqualTo("0"); // started with no argument: the window
    }
}
