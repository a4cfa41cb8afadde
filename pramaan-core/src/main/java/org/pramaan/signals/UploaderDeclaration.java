package org.pramaan.signals;

import java.util.Objects;

/**
 * What the uploader said about the file before publication (IT Rules r.4(1A); CN Labeling
 * Measures art.10).
 *
 * @param synthetic whether the uploader declared the content synthetically generated
 * @param statement free text the uploader gave, may be empty
 */
public record UploaderDeclaration(boolean synthetic, String statement) {
    public UploaderDeclaration {
        Objects.requireNonNull(statement, "statement");
    }

    /** Parses the wire form: {@code synthetic}, {@code not_synthetic} (also true/false, yes/no). */
    public static UploaderDeclaration parse(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "synthetic", "true", "yes", "ai", "sgi" -> new UploaderDeclaration(true, "");
            case "not_synthetic", "false", "no", "authentic" -> new UploaderDeclaration(false, "");
            default ->
                throw new org.pramaan.errors.Invalid(
                        "declaration", "declaration must be 'synthetic' or 'not_synthetic', got '" + value + "'");
        };
    }
}
