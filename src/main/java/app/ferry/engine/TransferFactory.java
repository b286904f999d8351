package app.ferry.engine;

import app.ferry.engine.download.DownloadTransfer;
import app.ferry.engine.transfer.Transfer;
import app.ferry.engine.upload.BodyUploadTransfer;
import app.ferry.engine.upload.TusUploadTransfer;

/** The choice of transfer for a spec: the one place that knows which class moves which kind of task. */
final class TransferFactory {

    private TransferFactory() {
    }

    /** @param hosts the queue's knowledge of servers, shared by all its downloads */
    static Transfer create(TransferSpec spec, HostCapabilities hosts) {
        return switch (spec) {
            case DownloadSpec download -> new DownloadTransfer(download, hosts);
            case RawUploadSpec raw -> new BodyUploadTransfer(raw);
            case MultipartUploadSpec form -> new BodyUploadTransfer(form);
            case TusUploadSpec tus -> new TusUploadTransfer(tus);
        };
    }
}
