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

    /**
     * Whether sending this transfer's request twice does no harm (GET, PUT, tus). A POST is not:
     * the server may have created something for the first one, so {@link RetryPolicy} sends it
     * again only when it is known not to have been acted on.
     */
    default boolean idempotent() {
        return true;
    }
}
