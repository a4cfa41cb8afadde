package org.pramaan.cases;

/** A further file in a case's evidence bundle, supplied by another feature (e.g. the messages delivered about it). */
public interface BundleSection {
    /** The file's name inside the zip, e.g. {@code deliveries.json}. */
    String fileName();

    /** What the file holds for this case, written as JSON. */
    Object content(CaseFile c);
}
