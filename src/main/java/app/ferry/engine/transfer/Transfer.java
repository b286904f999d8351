package app.ferry.engine.transfer;

/** One kind of transfer (a download, a raw upload, a tus upload…): runs one attempt at a time. */
public interface Transfer {

    /**
     * Makes one attempt, from the durable state in {@code context.record()}.
     *
     * @return how the attempt ended when it ended on purpose
     * @throws TransferFailure.Retryable for a transient fault worth another attempt
     * @throws TransferFailure.Fatal for a fault another attempt would repeat
     * @throws java.io.IOException for I/O faults: retried, unless the task was asked to stop
     */
    Outcome attempt(TransferContext context) throws java.io.IOException;
}
