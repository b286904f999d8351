package app.ferry.engine;

import java.nio.file.Path;
import java.util.List;

/** An upload of local files: raw body, multipart form, or resumable tus. */
public sealed interface UploadSpec extends TransferSpec permits RawUploadSpec, MultipartUploadSpec, TusUploadSpec {

    /** The local files this upload reads. */
    List<Path> files();

    @Override
    UploadSpec withRequest(app.ferry.engine.request.RequestOptions options);

    @Override
    default Direction direction() {
        return Direction.UPLOAD;
    }
}
