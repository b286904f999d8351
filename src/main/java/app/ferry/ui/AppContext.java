package app.ferry.ui;

import app.ferry.engine.AppDirs;
import app.ferry.engine.EngineConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the GUI keeps its settings and its queue, and the default download folder. Tests and
 * screenshots point these at temporary folders; the real app takes them from {@link AppDirs},
 * overridable with {@code -Dferry.dataDir=…} (settings and queue below it) and
 * {@code -Dferry.downloadDir=…}.
 *
 * @param engineTuning applied to the engine config built from the settings (tests raise per-host limits)
 */
public record AppContext(Path settingsDir, Path stateDir, Path defaultDownloadDir,
        UnaryOperator<EngineConfig> engineTuning) {

    public static AppContext fromSystem() {
        AppDirs dirs = AppDirs.forCurrentUser();
        Path data = Optional.ofNullable(System.getProperty("ferry.dataDir")).map(Path::of).orElse(dirs.dataDir());
        Path downloads = Optional.ofNullable(System.getProperty("ferry.downloadDir")).map(Path::of)
                .orElse(dirs.downloadDir());
        return new AppContext(data, new AppDirs(data, downloads).guiStateDir(), downloads, UnaryOperator.identity());
    }

    /** Settings in {@code dataDir}, the queue in {@code dataDir/queue}. */
    public static AppContext inDirectory(Path dataDir, Path downloadDir) {
        return new AppContext(dataDir, new AppDirs(dataDir, downloadDir).guiStateDir(), downloadDir, UnaryOperator.identity());
    }

    public AppContext withEngineTuning(UnaryOperator<EngineConfig> tuning) {
        return new AppContext(settingsDir, stateDir, defaultDownloadDir, tuning);
    }
}
