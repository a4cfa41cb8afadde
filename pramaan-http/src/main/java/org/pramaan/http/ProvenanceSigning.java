package org.pramaan.http;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pramaan.provenance.c2pa.C2paSigner;
import org.pramaan.provenance.c2pa.ManifestRequest;

/**
 * {@code POST /v1/provenance/sign}: signs the uploaded file (raw body or multipart part {@code file},
 * optional part {@code ingredient}) with the key from {@code c2pa.signing-key}/{@code c2pa.signing-chain}.
 * The key is configuration only, never part of a request: whoever calls this speaks with the
 * platform's signature, hence its own permission.
 */
final class ProvenanceSigning {
    private final ProvenanceRoutes.Services services;

    ProvenanceSigning(ProvenanceRoutes.Services services) {
        this.services = services;
    }

    void sign(Context ctx) throws Exception {
        C2paSigner signer = services.signer()
                .orElseThrow(
                        () -> new ApiException(
                                503,
                                "c2pa.signing.unconfigured",
                                "C2PA signing is not configured: set c2pa.signing-key and c2pa.signing-chain (and c2pa.signing-alg)"));
        String sourceType = ctx.queryParam("source-type");
        if (sourceType == null || sourceType.isBlank())
            throw new ApiException(
                    400, "request.invalid", "query parameter 'source-type' is required (e.g. trainedAlgorithmicMedia)");
        ManifestRequest req;
        try {
            req = ManifestRequest.created(sourceType, param(ctx, "software-agent", "Pramaan"))
                    .withTitle(param(ctx, "title", ""));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "c2pa.sourceType.unknown", e.getMessage());
        }
        byte[] asset = read(ctx);
        if (C2paSigner.signableFormat(asset).isEmpty())
            throw new ApiException(
                    415, "media.unsupported", "C2PA signing supports JPEG, PNG, WebP, WAV, MP3 and MP4/MOV");
        if (ctx.isMultipartFormData() && ctx.uploadedFile("ingredient") != null)
            req = req.withIngredient(ingredient(ctx, ctx.uploadedFile("ingredient")));
        // An asset that is already signed keeps its manifest as the parent ingredient unless replace=true.
        if ("true".equals(ctx.queryParam("replace"))) req = req.replacingExisting();
        if (req.ingredient().isPresent() && !req.replaceExisting() && C2paSigner.carriesManifest(asset))
            throw new ApiException(
                    409,
                    "c2pa.manifest.present",
                    "the file already carries a C2PA manifest, which the ingredient part would drop: add replace=true"
                            + " to drop it, or send no ingredient to keep it as the parent ingredient");
        boolean sidecar = "true".equals(ctx.queryParam("sidecar"));
        C2paSigner.Signed s;
        try {
            s = signer.sign(asset, req, sidecar ? C2paSigner.Placement.SIDECAR : C2paSigner.Placement.EMBEDDED);
        } catch (IllegalArgumentException e) {
            throw new ApiException(422, "media.malformed", e.getMessage());
        }
        // The platform vouched for this content with its key: record who asked, for what, and what came out.
        byte[] body = sidecar ? s.manifestStore() : s.asset();
        services.audit()
                .append(
                        "c2pa.signed",
                        "c2pa:" + s.manifestLabel(),
                        org.pramaan.audit.AuditLog.details(
                                "format",
                                s.format(),
                                "digitalSourceType",
                                req.digitalSourceType(),
                                "sidecar",
                                sidecar,
                                "sha256",
                                java.util.HexFormat.of()
                                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                                .digest(body)),
                                "actor",
                                HttpApi.principal(ctx).keyId()));
        ctx.header("C2PA-Manifest-Label", s.manifestLabel());
        ctx.status(200).contentType(sidecar ? "application/c2pa" : s.format()).result(body);
    }

    private static String param(Context ctx, String name, String fallback) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private byte[] read(Context ctx) throws Exception {
        Path spool = Uploads.spool(ctx, services);
        try {
            return Files.readAllBytes(spool);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private ManifestRequest.Ingredient ingredient(Context ctx, UploadedFile f) throws Exception {
        if (f.size() > services.limits().maxBytes())
            throw new ApiException(
                    413,
                    "media.too_large",
                    "ingredient exceeds the size limit of " + services.limits().maxBytes() + " bytes");
        try (InputStream in = f.content()) {
            var rel = "componentOf".equals(ctx.queryParam("relationship"))
                    ? ManifestRequest.Relationship.COMPONENT_OF
                    : ManifestRequest.Relationship.PARENT_OF;
            return new ManifestRequest.Ingredient(in.readAllBytes(), f.filename(), rel);
        }
    }
}
