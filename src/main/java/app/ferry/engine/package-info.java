/**
 * Ferry's transfer engine: HTTP, the queue, resume state and persistence.
 *
 * <p>Nothing here may import JavaFX or the {@code ui}/{@code cli} packages (checked by
 * {@code ArchitectureTest}). Progress leaves the engine as immutable snapshots read from plain
 * atomic counters; whoever displays them decides how often to look.
 */
package app.ferry.engine;
