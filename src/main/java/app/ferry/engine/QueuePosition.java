package app.ferry.engine;

/** Where {@link TransferQueue#move} puts tasks: before or after all others, or one place up or down. */
public enum QueuePosition {
    TOP, UP, DOWN, BOTTOM
}
