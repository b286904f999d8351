package app.ferry.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.KnownDownloads.Match;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one "already in the list" rule of {@code ferry get} and the window. */
class KnownDownloadsTest {

    private static final String URL = "https://example.com/a.iso";

    @TempDir
    Path temp;

    private static TaskSnapshot task(DownloadSpec spec, TaskState state, Path finalFile) {
        TaskRecord record = TaskRecord.create(TaskId.random(), spec, "a.iso", 0).withState(state, null, 1);
        if (finalFile != null) {
            record = record.withDownload(DownloadProgress.fresh(spec.url()).withFinalFile(finalFile));
        }
        return new TaskSnapshot(record, 0, -1, 0);
    }

    @Test
    void sameUrlAndFolderIsTheSameDownloadWhateverItsState() {
        DownloadSpec spec = DownloadSpec.of(URL, temp);
        TaskSnapshot paused = task(spec, TaskState.PAUSED, null);
        KnownDownloads known = KnownDownloads.of(List.of(paused));

        assertThat(known.find(DownloadSpec.of(URL, temp))).isEqualTo(new Match.Unfinished(paused.id()));
        assertThat(known.find(DownloadSpec.of(URL, temp.resolve("sub/..")))).as("the same folder, spelt otherwise")
                .isEqualTo(new Match.Unfinished(paused.id()));
        assertThat(known.find(DownloadSpec.of(URL, temp.resolve("other")))).as("another folder").isEqualTo(new Match.None());
        assertThat(known.find(DownloadSpec.of(URL + "?v=2", temp))).as("another URL").isEqualTo(new Match.None());
    }

    @Test
    void aFinishedDownloadCountsWhileItsFileIsThere() throws Exception {
        Path file = Files.writeString(temp.resolve("a.iso"), "x");
        TaskSnapshot done = task(DownloadSpec.of(URL, temp), TaskState.COMPLETED, file);

        assertThat(KnownDownloads.of(List.of(done)).find(DownloadSpec.of(URL, temp)))
                .isEqualTo(new Match.Downloaded(done.id(), file));
        Files.delete(file);
        assertThat(KnownDownloads.of(List.of(done)).find(DownloadSpec.of(URL, temp)).isKnown())
                .as("file deleted: asking again downloads again").isFalse();
    }

    @Test
    void theFirstKnownTaskWinsAndDownloadsBeingAddedCountToo() throws Exception {
        Path file = Files.writeString(temp.resolve("a.iso"), "x");
        TaskSnapshot done = task(DownloadSpec.of(URL, temp), TaskState.COMPLETED, file);
        TaskSnapshot failed = task(DownloadSpec.of(URL, temp), TaskState.FAILED, null);
        assertThat(KnownDownloads.of(List.of(done, failed)).find(DownloadSpec.of(URL, temp)))
                .isEqualTo(new Match.Downloaded(done.id(), file));
        assertThat(KnownDownloads.of(List.of(failed, done)).find(DownloadSpec.of(URL, temp)))
                .isEqualTo(new Match.Unfinished(failed.id()));

        KnownDownloads empty = KnownDownloads.of(List.of());
        assertThat(empty.find(DownloadSpec.of(URL, temp)).isKnown()).isFalse();
        empty.adding(DownloadSpec.of(URL, temp));
        assertThat(empty.find(DownloadSpec.of(URL, temp))).isEqualTo(new Match.Adding());
    }

    @Test
    void uploadsAreNeverTheSameDownload() throws Exception {
        Path file = Files.writeString(temp.resolve("up.bin"), "x");
        TaskRecord upload = TaskRecord.create(TaskId.random(), new RawUploadSpec(file, URL, "PUT", null), "up.bin", 0);
        assertThat(KnownDownloads.of(List.of(new TaskSnapshot(upload, 0, 1, 0))).find(DownloadSpec.of(URL, temp)).isKnown())
                .isFalse();
    }

    @Test
    void credentialsComeFromTheFieldsElseFromTheUrl() {
        var url = app.ferry.engine.UrlNormalizer.normalize("https://alice:s%40cret@example.com/a.iso");
        assertThat(Credentials.fromUrl(url)).contains(new Credentials("alice", "s@cret"));
        assertThat(Credentials.givenOrFromUrl(new Credentials("bob", "x"), url)).isEqualTo(new Credentials("bob", "x"));
        assertThat(Credentials.givenOrFromUrl(null, url)).isEqualTo(new Credentials("alice", "s@cret"));
        assertThat(Credentials.fromUrl(app.ferry.engine.UrlNormalizer.normalize(URL))).isEmpty();
        assertThat(Credentials.givenOrFromUrl(null, null)).isNull();
    }
}
