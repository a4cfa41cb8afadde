package org.pramaan.http;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.RejectionCode;

/** Spools a request's file (multipart part {@code file}, or the raw body) to disk, refusing past the size limit while reading. */
final class Uploads {
    private Uploads() {}

    /** What spooling needs: the folder (same file system as the blob store) and the size limit; the route groups that take files carry both. */
    interface Spool {
        Path uploadDir();

        org.pramaan.media.MediaLimits limits();
    }

    static Path spool(Context ctx, Spool services) throws IOException, MediaRejectedException {
        Files.createDirectories(services.uploadDir());
        InputStream source;
        if (ctx.isMultipartFormData()) {
            // Checked before the spool file exists: a request without the part leaves nothing behind.
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null)
                throw new ApiException(400, "request.invalid", "multipart upload needs a part named 'file'");
            source = file.content();
        } else {
            source = Idempotency.body(ctx); // the spool the idempotency fingerprint read it into, when it did
        }
        Path spool = Files.createTempFile(services.uploadDir(), "upload-", ".bin");
        try (InputStream in = source) {
            copy(in, spool, services.limits().maxBytes());
            return spool;
        } catch (Exception e) {
            // Every failure, including the container's undeclared ones (a client gone mid-body), removes the partial
            // file (issue 11 defect 6).
            Files.deleteIfExists(spool);
            throw e;
        }
    }

    private static void copy(InputStream in, Path target, long max) throws IOException, MediaRejectedException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                org.pramaan.limits.WorkBudget.check(); // a slow upload stops when its request's budget is spent
                total += n;
                if (total > max)
                    throw new MediaRejectedException(
                            RejectionCode.TOO_LARGE, "upload exceeds the size limit of " + max + " bytes");
                out.write(buf, 0, n);
            }
        }
    }
}
