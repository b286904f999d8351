package app.ferry.engine;

import app.ferry.engine.transfer.HttpSender;
import app.ferry.engine.transfer.RateLimiter;
import java.util.function.Supplier;

/**
 * What every task's runs share, handed to each {@link TaskRuntime} when it is made, so that a
 * transfer's context never reaches back into the queue: the HTTP client's sender (each request
 * starts on the client of the moment, as a proxy change replaces it), the current config, the
 * listeners, the global limits, the saver its checkpoints go to, and what the queue learnt about
 * servers.
 */
record RunServices(HttpSender http, Supplier<EngineConfig> config, TransferListener events,
                   RateLimiter downloadLimiter, RateLimiter uploadLimiter, TaskSaver saver, HostCapabilities hosts) {
}
