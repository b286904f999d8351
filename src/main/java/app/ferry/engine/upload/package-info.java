/**
 * The streaming building blocks of uploads: request bodies read from files on demand, multipart
 * forms, curl-style {@code -F} arguments and a tus 1.0.0 client.
 *
 * <p>Nothing here holds a whole file in memory: bodies are read chunk by chunk as the HTTP client
 * asks for them, and every chunk handed over is reported to a {@link java.util.function.LongConsumer}
 * so the engine can count progress with a plain atomic.
 */
package app.ferry.engine.upload;
