package app.ferry.ui.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the GUI remembers between runs, written as JSON by {@link SettingsStore}. Missing
 * or out-of-range values (an older or hand-edited file) are replaced by defaults, never rejected.
 *
 * @param downloadDir where pasted URLs are downloaded to
 * @param language "system", "en" or "zh-CN"
 * @param columns widths of the table's columns, by column id
 * @param sort the table's sort order, by column id
 * @param downloadLimit all downloads together, bytes per second, 0 for none (also when absent from an older file)
 * @param uploadLimit all uploads together, bytes per second, 0 for none
 * @param automation clipboard watching and the queue's schedule (off in older files)
 * @param proxy how servers are reached (the environment's proxies in older files); no password
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(
        String downloadDir,
        int maxConcurrent,
        int maxRetries,
        Boolean notifications,
        Boolean autoResume,
        Theme theme,
        String language,
        WindowState window,
        List<ColumnState> columns,
        List<SortState> sort,
        UploadChoices upload,
        long downloadLimit,
        long uploadLimit,
        Automation automation,
        ProxyChoice proxy) {

    public static final int MAX_CONCURRENT_LIMIT = 20;
    public static final int MAX_RETRIES_LIMIT = 50;

    public Settings {
        maxConcurrent = maxConcurrent < 1 ? 3 : Math.min(maxConcurrent, MAX_CONCURRENT_LIMIT);
        maxRetries = maxRetries < 0 ? 8 : Math.min(maxRetries, MAX_RETRIES_LIMIT);
        notifications = notifications == null || notifications;
        autoResume = autoResume == null || autoResume;
        theme = theme == null ? Theme.LIGHT : theme;
        language = language == null || language.isBlank() ? "system" : language;
        window = window == null ? WindowState.DEFAULT : window;
        columns = columns == null ? List.of() : List.copyOf(columns);
        sort = sort == null ? List.of() : List.copyOf(sort);
        upload = upload == null ? UploadChoices.DEFAULT : upload;
        downloadLimit = Math.max(0, downloadLimit);
        uploadLimit = Math.max(0, uploadLimit);
        automation = automation == null ? Automation.OFF : automation;
        proxy = proxy == null ? ProxyChoice.DEFAULT : proxy;
    }

    public static Settings defaults(Path downloadDir) {
        return new Settings(downloadDir.toString(), 3, 8, true, true, Theme.LIGHT, "system", null, null, null, null, 0, 0, null, null);
    }

    public Path downloadPath() {
        return Path.of(downloadDir);
    }

    /** The choices of the settings dialog. */
    public Settings withPreferences(Path folder, int concurrent, int retries, boolean notify, boolean resume,
            Theme newTheme, String newLanguage) {
        return new Settings(folder.toString(), concurrent, retries, notify, resume, newTheme, newLanguage, window,
                columns, sort, upload, downloadLimit, uploadLimit, automation, proxy);
    }

    public Settings withLayout(WindowState newWindow, List<ColumnState> newColumns, List<SortState> newSort) {
        return new Settings(downloadDir, maxConcurrent, maxRetries, notifications, autoResume, theme, language,
                newWindow, newColumns, newSort, upload, downloadLimit, uploadLimit, automation, proxy);
    }

    public Settings withUpload(UploadChoices choices) {
        return new Settings(downloadDir, maxConcurrent, maxRetries, notifications, autoResume, theme, language,
                window, columns, sort, choices, downloadLimit, uploadLimit, automation, proxy);
    }

    /** The global limits in bytes per second, 0 for none. */
    public Settings withLimits(long downloadBytesPerSecond, long uploadBytesPerSecond) {
        return new Settings(downloadDir, maxConcurrent, maxRetries, notifications, autoResume, theme, language,
                window, columns, sort, upload, downloadBytesPerSecond, uploadBytesPerSecond, automation, proxy);
    }

    public Settings withAutomation(Automation newAutomation) {
        return new Settings(downloadDir, maxConcurrent, maxRetries, notifications, autoResume, theme, language,
                window, columns, sort, upload, downloadLimit, uploadLimit, newAutomation, proxy);
    }

    public Settings withProxy(ProxyChoice newProxy) {
        return new Settings(downloadDir, maxConcurrent, maxRetries, notifications, autoResume, theme, language,
                window, columns, sort, upload, downloadLimit, uploadLimit, automation, newProxy);
    }

    /**
     * What Ferry does on its own: offer copied links, start and pause the queue at set times.
     *
     * @param watchClipboard offer a copied link of a downloadable type (never downloads unasked); off by default
     * @param startAt "HH:mm" at which every paused task resumes, or null
     * @param stopAt "HH:mm" at which every task pauses, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Automation(Boolean watchClipboard, String startAt, String stopAt) {
        public static final Automation OFF = new Automation(false, null, null);

        public Automation {
            watchClipboard = watchClipboard != null && watchClipboard;
            startAt = time(startAt).map(java.time.LocalTime::toString).orElse(null);
            stopAt = time(stopAt).map(java.time.LocalTime::toString).orElse(null);
        }

        /** A time of day as typed ("7:30", "23:00"), or empty when blank or not a time. */
        public static java.util.Optional<java.time.LocalTime> time(String text) {
            if (text == null || text.isBlank()) {
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.of(java.time.LocalTime.parse(text.strip(),
                        java.time.format.DateTimeFormatter.ofPattern("H:mm")));
            } catch (java.time.DateTimeException e) {
                return java.util.Optional.empty();
            }
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowState(double width, double height, boolean maximized) {
        public static final WindowState DEFAULT = new WindowState(1180, 720, false);

        public WindowState {
            width = width < 400 ? DEFAULT_WIDTH : width;
            height = height < 300 ? DEFAULT_HEIGHT : height;
        }

        private static final double DEFAULT_WIDTH = 1180;
        private static final double DEFAULT_HEIGHT = 720;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ColumnState(String id, double width) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SortState(String id, boolean ascending) {
    }

    /** A text field sent with a multipart upload. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FormField(String name, String value) {
    }

    /**
     * The upload dialog's last choices. The password is never stored.
     *
     * @param recentTargets most recent first, at most {@link #MAX_RECENT}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UploadChoices(List<String> recentTargets, UploadMode mode, String fieldName, List<FormField> extraFields,
            Boolean onePerFile, Boolean tus, String user) {

        public static final int MAX_RECENT = 10;
        public static final UploadChoices DEFAULT = new UploadChoices(null, null, null, null, null, null, null);

        public UploadChoices {
            recentTargets = recentTargets == null ? List.of()
                    : recentTargets.stream().filter(t -> t != null && !t.isBlank()).distinct().limit(MAX_RECENT).toList();
            mode = mode == null ? UploadMode.PUT_RAW : mode;
            fieldName = fieldName == null || fieldName.isBlank() ? "file" : fieldName;
            extraFields = extraFields == null ? List.of() : List.copyOf(extraFields);
            onePerFile = onePerFile == null || onePerFile;
            tus = tus != null && tus;
            user = user == null ? "" : user;
        }

        /** These choices with {@code target} moved to the front of the history. */
        public UploadChoices remember(String target, UploadMode newMode, String newFieldName,
                List<FormField> newExtraFields, boolean newOnePerFile, boolean newTus, String newUser) {
            List<String> recent = new java.util.ArrayList<>();
            recent.add(target);
            recentTargets.stream().filter(t -> !t.equals(target)).forEach(recent::add);
            return new UploadChoices(recent, newMode, newFieldName, newExtraFields, newOnePerFile, newTus, newUser);
        }
    }
}
