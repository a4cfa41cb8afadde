package org.pramaan.provenance.c2pa;

/** What reading a file found: nothing, a remote reference, an unreadable store, or a validated store. */
public sealed interface C2paOutcome {
    /** No C2PA data in the asset (the reference returns {@code null}). */
    record NoManifest(String format) implements C2paOutcome {}

    /** Only a remote manifest is referenced (XMP {@code dcterms:provenance}, §11.4); it was not fetched. */
    record RemoteReference(String format, String url) implements C2paOutcome {}

    /** The asset or its store cannot be read; {@code code} as in {@link C2paException#code()}. */
    record Unreadable(String format, String code, String message) implements C2paOutcome {}

    /** A store that was read and validated. */
    record Read(C2paReport report) implements C2paOutcome {}
}
