package app.ferry.ui.settings;

/** How dropped files are sent. tus is a separate switch: it has its own protocol. */
public enum UploadMode {
    /** The file is the whole body of a PUT to the URL. */
    PUT_RAW,
    /** The file is the whole body of a POST to the URL. */
    POST_RAW,
    /** A multipart/form-data POST, files under one field name plus extra text fields. */
    MULTIPART,
    /** A PUT to base URL + "/" + a new name per file. */
    REST_PUT
}
