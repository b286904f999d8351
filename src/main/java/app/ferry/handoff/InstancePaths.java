package app.ferry.handoff;

import app.ferry.engine.AppDirs;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the channel lives: {@code DATA/instance/ferry.sock}, next to {@code primary.lock}, in a
 * folder only the user can enter. DATA is Ferry's data folder ({@link AppDirs}), or
 * {@code -Dferry.dataDir} as for the window, so a window and a {@code ferry add} started with the
 * same setting meet.
 */
public record InstancePaths(Path directory) {

    public static InstancePaths in(Path dataDir) {
        return new InstancePaths(dataDir.resolve("instance"));
    }

    public static InstancePaths forCurrentUser() {
        return in(Optional.ofNullable(System.getProperty("ferry.dataDir")).map(Path::of)
                .orElseGet(() -> AppDirs.forCurrentUser().dataDir()));
    }

    public Path socket() {
        return directory.resolve("ferry.sock");
    }

    /** Held (an OS file lock, released when the process dies) by the one Ferry that serves the socket. */
    Path lock() {
        return directory.resolve("primary.lock");
    }
}
