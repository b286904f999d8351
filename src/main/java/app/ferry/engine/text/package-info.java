/**
 * Sizes, speeds and durations as people read and type them, for both front ends: one formatting
 * and parsing home, so the window and the terminal never disagree on what "1.5 MiB" or "500K" is.
 * Pure functions, no toolkit.
 */
package app.ferry.engine.text;
