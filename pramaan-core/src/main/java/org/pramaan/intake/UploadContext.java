package org.pramaan.intake;

import java.util.Objects;
import java.util.Optional;
import org.pramaan.signals.UploaderDeclaration;

/** Facts about an upload that are not in its bytes. */
public record UploadContext(
        Optional<String> uploaderId, Optional<String> externalId, Optional<UploaderDeclaration> declaration) {
    public UploadContext {
        Objects.requireNonNull(uploaderId, "uploaderId");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(declaration, "declaration");
    }

    public static UploadContext none() {
        return new UploadContext(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
