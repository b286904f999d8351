package app.ferry.ui.settings;

/** The two AtlantaFX Primer themes Ferry offers. */
public enum Theme {
    LIGHT,
    DARK
}
