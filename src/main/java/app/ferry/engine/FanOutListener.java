package app.ferry.engine;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Hands each event to every listener; one listener's bug does not stop the others or the transfer. */
final class FanOutListener implements TransferListener {

    private static final System.Logger LOG = System.getLogger(FanOutListener.class.getName());

    private final List<TransferListener> listeners;

    FanOutListener(List<TransferListener> listeners) {
        this.listeners = listeners;
    }

    private void each(Consumer<TransferListener> event) {
        for (TransferListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "A transfer listener failed: " + listener, e);
            }
        }
    }

    @Override
    public void stateChanged(TaskSnapshot snapshot) {
        each(l -> l.stateChanged(snapshot));
    }

    @Override
    public void responseReceived(TaskId id, int status, Map<String, List<String>> headers) {
        each(l -> l.responseReceived(id, status, headers));
    }

    @Override
    public void redirected(TaskId id, URI from, URI to) {
        each(l -> l.redirected(id, from, to));
    }

    @Override
    public void resumed(TaskId id, long offset) {
        each(l -> l.resumed(id, offset));
    }

    @Override
    public void retrying(TaskId id, int attempt, Duration delay, String reason) {
        each(l -> l.retrying(id, attempt, delay, reason));
    }

    @Override
    public void needsCredentials(TaskId id, String realm) {
        each(l -> l.needsCredentials(id, realm));
    }

    @Override
    public void completed(TaskSnapshot snapshot) {
        each(l -> l.completed(snapshot));
    }

    @Override
    public void failed(TaskSnapshot snapshot) {
        each(l -> l.failed(snapshot));
    }
}
