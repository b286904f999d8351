package app.ferry.engine.store;

import app.ferry.engine.FormPart;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How form parts are tagged in state files; kept here so the upload code stays free of JSON concerns. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FormPart.TextField.class, name = "text"),
    @JsonSubTypes.Type(value = FormPart.FileField.class, name = "file"),
})
interface FormPartMixin {
}
