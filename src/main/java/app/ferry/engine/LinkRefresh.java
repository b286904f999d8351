package app.ferry.engine;

import java.util.List;

/**
 * A download's new link (a signed URL that expired): checked, put in its spec and saved; the
 * caller then resumes it, which sends {@code If-Range} with the saved validator and checks the
 * overlap as any resume does, so a link to another version restarts from zero, never splices.
 */
final class LinkRefresh {

    private LinkRefresh() {
    }

    /**
     * @throws IllegalArgumentException when the task is not a download, or the new spec names another folder
     * @throws IllegalStateException when the task is queued, running or completed
     */
    static void apply(TaskRuntime runtime, DownloadSpec newSpec, TaskSaver saver) {
        if (!(runtime.record().spec() instanceof DownloadSpec old)) {
            throw new IllegalArgumentException("Only a download's link can be refreshed, not an upload's");
        }
        if (!old.directory().equals(newSpec.directory())) {
            // The saved progress belongs to the partial file in the old folder.
            throw new IllegalArgumentException("A refreshed link keeps the task's folder " + old.directory()
                    + ", not " + newSpec.directory());
        }
        TaskState state = runtime.record().state();
        if (state.isActive() || state == TaskState.COMPLETED) {
            throw new IllegalStateException("Task " + runtime.id() + " is " + state
                    + ": pause it before giving it a new link");
        }
        // The old link's redirect target is as expired as the link: the resume asks the new one.
        runtime.update(r -> {
            TaskRecord next = r.withSpec(newSpec);
            return r.download() == null ? next : next.withDownload(r.download().withFinalUrl(newSpec.url()));
        });
        // The host only: a signed link's query is a credential for as long as it lives.
        runtime.note(HistoryEvent.Kind.NOTE, runtime.record().durableBytes(), new Problem(Problem.Code.NEW_LINK,
                List.of(String.valueOf(newSpec.uri().getHost())),
                "New link from " + newSpec.uri().getHost() + "; resuming only if the file is unchanged", false));
        saver.save(runtime, runtime.record(), true);
    }
}
