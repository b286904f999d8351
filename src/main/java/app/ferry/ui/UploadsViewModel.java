package app.ferry.ui;

import app.ferry.engine.Credentials;
import app.ferry.engine.TransferQueue;
import app.ferry.engine.TransferSpec;
import app.ferry.ui.upload.UploadRequest;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Uploads: which dropped, pasted or chosen paths can be uploaded, and starting what the upload
 * dialog asked for (its choices are remembered in the settings).
 *
 * <p>Threads: the public methods run on the FX thread; the tasks are added by {@link #addUploads}
 * on {@link QueueWrites}' background thread and the outcome comes back on the FX thread.
 */
public final class UploadsViewModel {

    private final TransferQueue queue;
    private final QueueWrites writes;
    private final Messages messages;
    private final I18n i18n;
    private final SettingsViewModel settings;

    UploadsViewModel(TransferQueue queue, QueueWrites writes, Messages messages, I18n i18n, SettingsViewModel settings) {
        this.queue = queue;
        this.writes = writes;
        this.messages = messages;
        this.i18n = i18n;
        this.settings = settings;
    }

    /**
     * FX thread. Dropped or chosen paths: folders are refused with a message, the files are
     * returned for the upload dialog (empty when nothing is left to upload).
     */
    public List<Path> filesToUpload(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                refused.add(i18n.get("msg.folderRefused", String.valueOf(path.getFileName())));
            } else if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                refused.add(i18n.get("msg.fileUnreadable", String.valueOf(path)));
            } else {
                files.add(path);
            }
        }
        if (!refused.isEmpty()) {
            messages.show(UserMessage.warning(i18n.get("msg.refused", refused.size()) + "\n• " + String.join("\n• ", refused)));
        }
        return files;
    }

    /** FX thread: starts the uploads the dialog asked for and remembers its choices. */
    public void upload(UploadRequest request) {
        List<TransferSpec> specs;
        Credentials credentials;
        try {
            specs = request.specs();
            credentials = request.credentials();
        } catch (IllegalArgumentException e) {
            messages.show(UserMessage.error(new ProblemText(i18n).why(e)));
            return;
        }
        writes.submit(() -> addUploads(specs, credentials), failure -> {
            if (failure.isPresent()) {
                messages.show(UserMessage.error(failure.get()));
                return;
            }
            String target = request.url().strip();
            var current = settings.settingsProperty().get();
            settings.updateSettings(current.withUpload(current.upload().remember(target, request.mode(),
                    request.fieldName(), request.extraFields(), request.onePerFile(), request.tus(), request.user())));
            messages.show(UserMessage.info(i18n.get("msg.uploadsStarted", specs.size())));
        });
    }

    /** Background thread: adds the uploads, or says why they could not be added. */
    private Optional<String> addUploads(List<TransferSpec> specs, Credentials credentials) {
        try {
            queue.addAll(specs.stream().map(spec -> new TransferQueue.Addition(spec, credentials)).toList());
            return Optional.empty();
        } catch (UncheckedIOException | IllegalStateException e) {
            return Optional.of(i18n.get("msg.notSaved", new ProblemText(i18n).why(e)));
        }
    }
}
