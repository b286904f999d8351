package app.ferry.ui.filter;

import app.ferry.engine.Direction;
import app.ferry.engine.TaskState;
import app.ferry.ui.TaskModel;
import java.util.Locale;
import java.util.Set;

/**
 * The sidebar's groups: by what a task is doing, and by the type of its file (its extension, as
 * JDownloader, Motrix and AB Download Manager group them).
 */
public enum TaskCategory {
    ALL, DOWNLOADING, UPLOADING, COMPLETED, FAILED,
    DOCUMENTS("pdf", "doc", "docx", "odt", "rtf", "txt", "md", "xls", "xlsx", "ods", "csv", "ppt", "pptx", "odp", "epub"),
    ARCHIVES("zip", "7z", "rar", "tar", "gz", "tgz", "bz2", "xz", "zst", "iso"),
    VIDEO("mp4", "mkv", "avi", "mov", "webm", "wmv", "flv", "m4v", "mpg", "mpeg"),
    AUDIO("mp3", "flac", "wav", "ogg", "m4a", "aac", "opus", "wma"),
    IMAGES("jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "tif", "tiff", "heic"),
    PROGRAMS("exe", "msi", "dmg", "pkg", "deb", "rpm", "appimage", "apk", "jar", "sh", "flatpakref");

    private final Set<String> extensions;

    TaskCategory(String... extensions) {
        this.extensions = Set.of(extensions);
    }

    /** Whether the sidebar puts {@code task} in this group. */
    public boolean matches(TaskModel task) {
        TaskState state = task.state();
        Direction direction = task.directionProperty().get();
        return switch (this) {
            case ALL -> true;
            case DOWNLOADING -> direction == Direction.DOWNLOAD && !state.isFinished();
            case UPLOADING -> direction == Direction.UPLOAD && !state.isFinished();
            case COMPLETED -> state == TaskState.COMPLETED;
            case FAILED -> state == TaskState.FAILED || state == TaskState.CANCELLED;
            default -> extensions.contains(extensionOf(task.name()));
        };
    }

    /** The type group of a file name, or null when its extension is in none. */
    public static TaskCategory typeOf(String fileName) {
        String extension = extensionOf(fileName);
        for (TaskCategory category : values()) {
            if (!category.extensions.isEmpty() && category.extensions.contains(extension)) {
                return category;
            }
        }
        return null;
    }

    /** The bundle key of the group's label. */
    public String labelKey() {
        return "filter." + name().toLowerCase(Locale.ROOT);
    }

    private static String extensionOf(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
