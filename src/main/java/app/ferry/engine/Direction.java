package app.ferry.engine;

public enum Direction {
    DOWNLOAD,
    UPLOAD
}
