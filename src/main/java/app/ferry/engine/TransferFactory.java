package app.ferry.engine;

import app.ferry.engine.download.DownloadTransfer;
import app.ferry.engine.transfer.Transfer;
import app.ferry.engine.upload.BodyUploadTransfer;
import app.ferry.engine.upload.TusUploadTransfer;

/** The choice of transfer for a spec: the one place that knows which class moves which kind of task. */
final class TransferFactory {

    private TransferFactory() {
    }

    static Transfer create(TransferSpec spec) {
        return switch (spec) {
            case DownloadSpec download -> new DownloadTransfer(download);
            case RawUploadSpec raw -> new BodyUploadTransfer(raw);
            case MultipartUploadSpec form -> new BodyUploadTransfer(form);
            case TusUploadSpec tus -> new TusUploadTransfer(tus);
        };
    }
}
