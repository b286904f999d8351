package app.ferry.ui.upload;

import app.ferry.engine.Credentials;
import app.ferry.engine.FormPart;
import app.ferry.engine.MultipartUploadSpec;
import app.ferry.engine.NormalizedUrl;
import app.ferry.engine.RawUploadSpec;
import app.ferry.engine.TransferSpec;
import app.ferry.engine.TusUploadSpec;
import app.ferry.engine.UrlNormalizer;
import app.ferry.engine.request.RequestOptions;
import app.ferry.ui.settings.Settings.FormField;
import app.ferry.ui.settings.UploadMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the upload dialog asks for, turned into engine specs. Pure: no toolkit, unit-tested.
 *
 * @param url the target as typed (credentials in it are moved out)
 * @param newNames for {@link UploadMode#REST_PUT}: the name each file gets, in the order of {@code files}
 * @param onePerFile for multipart: one task per file (true) or one task carrying all files (false)
 * @param tus resumable tus upload, one task per file, to the creation endpoint {@code url}
 * @param user Basic user name, or blank for none (a user name in the URL counts too)
 * @param headers request headers, one {@code Name: value} per line, or blank
 * @param cookies cookies as {@code a=b; c=d}, or blank
 */
public record UploadRequest(List<Path> files, String url, UploadMode mode, String fieldName, List<FormField> extraFields,
        boolean onePerFile, boolean tus, List<String> newNames, String user, String password, String headers,
        String cookies) {

    public UploadRequest(List<Path> files, String url, UploadMode mode, String fieldName, List<FormField> extraFields,
                         boolean onePerFile, boolean tus, List<String> newNames, String user, String password) {
        this(files, url, mode, fieldName, extraFields, onePerFile, tus, newNames, user, password, "", "");
    }

    public UploadRequest {
        files = List.copyOf(files);
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(mode, "mode");
        fieldName = fieldName == null || fieldName.isBlank() ? "file" : fieldName.strip();
        extraFields = extraFields == null ? List.of() : List.copyOf(extraFields);
        newNames = newNames == null ? List.of() : List.copyOf(newNames);
        user = user == null ? "" : user.strip();
        password = password == null ? "" : password;
        headers = headers == null ? "" : headers;
        cookies = cookies == null ? "" : cookies;
    }

    /** The headers and cookies every upload task keeps; throws with the line that is wrong. */
    public RequestOptions requestOptions() {
        return RequestOptions.fromText(headers, cookies);
    }

    /** The normalized target; throws {@link app.ferry.engine.InvalidUrlException} with a message for the user. */
    public NormalizedUrl target() {
        return UrlNormalizer.normalize(url);
    }

    /** Credentials from the fields, else from the URL, else none. Kept in memory only. */
    public Credentials credentials() {
        return user.isEmpty() ? Credentials.fromUrl(target()).orElse(null) : new Credentials(user, password);
    }

    /** One spec per task to add, each with the request options. */
    public List<TransferSpec> specs() {
        RequestOptions options = requestOptions();
        return plainSpecs().stream().map(spec -> spec.withRequest(options))
                .map(spec -> spec instanceof MultipartUploadSpec form ? form.checked() : spec).toList();
    }

    private List<TransferSpec> plainSpecs() {
        String target = target().uri().toString();
        List<TransferSpec> specs = new ArrayList<>();
        if (tus) {
            files.forEach(file -> specs.add(new TusUploadSpec(file, target)));
            return specs;
        }
        switch (mode) {
            case PUT_RAW -> files.forEach(file -> specs.add(new RawUploadSpec(file, target, "PUT", null)));
            case POST_RAW -> files.forEach(file -> specs.add(new RawUploadSpec(file, target, "POST", null)));
            case REST_PUT -> {
                for (int i = 0; i < files.size(); i++) {
                    Path file = files.get(i);
                    String name = i < newNames.size() && !newNames.get(i).isBlank()
                            ? newNames.get(i).strip() : String.valueOf(file.getFileName());
                    specs.add(RawUploadSpec.restPut(file, target, name, null));
                }
            }
            case MULTIPART -> {
                if (onePerFile) {
                    files.forEach(file -> specs.add(new MultipartUploadSpec(target, form(List.of(file)))));
                } else {
                    specs.add(new MultipartUploadSpec(target, form(files)));
                }
            }
        }
        return specs;
    }

    private List<FormPart> form(List<Path> formFiles) {
        List<FormPart> parts = new ArrayList<>();
        for (FormField field : extraFields) {
            if (field.name() != null && !field.name().isBlank()) {
                parts.add(new FormPart.TextField(field.name().strip(), field.value() == null ? "" : field.value()));
            }
        }
        formFiles.forEach(file -> parts.add(FormPart.FileField.of(fieldName, file)));
        return parts;
    }
}
