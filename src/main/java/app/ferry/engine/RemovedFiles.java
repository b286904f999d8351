package app.ferry.engine;

/** What {@link TransferQueue#remove(java.util.Collection, RemovedFiles)} deletes on disk with the tasks it forgets. */
public enum RemovedFiles {
    /** Nothing: the files stay where they are. */
    KEEP,
    /**
     * Only an unfinished download's partial file. Never the finished file, whatever the task's
     * state says: a record can name its finished file and still not be COMPLETED (the save of
     * COMPLETED failed, and the task ended FAILED), and that file is the user's.
     */
    PARTIAL,
    /** The partial file and the finished file of a download (the window's "delete files too"). */
    ALL
}
