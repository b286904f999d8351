/**
 * Pure parsers and naming rules the download engine applies to what a user types and what a
 * server sends: URLs, {@code Content-Disposition}, {@code Content-Range}, {@code Retry-After},
 * and turning a suggested name into a safe, unused file in the download folder.
 *
 * <p>Everything here is input from outside Ferry, so every parser either returns a value that
 * satisfies its documented invariants or fails with one documented exception type (or an empty
 * {@code Optional}); nothing else escapes, whatever the input.
 */
package app.ferry.engine.http;
