package app.ferry.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import javafx.scene.image.Image;

/**
 * The application icon in the sizes a window manager picks from (title bar, task switcher, dock).
 * Rendered from {@code assets/ferry.svg} by {@code assets/render-icons.sh}.
 */
public final class AppIcons {

    private static final int[] SIZES = {32, 64, 256};

    private AppIcons() {
    }

    /** Loads the icons, smallest first; a missing resource is a build error, so it throws. */
    public static List<Image> all() {
        return Arrays.stream(SIZES).mapToObj(AppIcons::load).toList();
    }

    private static Image load(int size) {
        String name = "icons/ferry-" + size + ".png";
        try (InputStream in = AppIcons.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing icon resource app/ferry/ui/" + name);
            }
            return new Image(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read icon app/ferry/ui/" + name, e);
        }
    }
}
