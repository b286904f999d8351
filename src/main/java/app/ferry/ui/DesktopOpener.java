package app.ferry.ui;

import java.nio.file.Path;

/** Opens a file or folder with the desktop's default application. */
@FunctionalInterface
public interface DesktopOpener {

    /** True when the desktop accepted the request; false when it cannot open things (no crash). */
    boolean open(Path path);
}
