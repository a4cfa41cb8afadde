/**
 * The protected-persons (likeness) registry (issue 16): people who consented to have their face or
 * voice watched for, stored as embeddings only (never the reference images or voice samples), and the
 * in-memory index screening compares each uploaded face and voice with. A match raises the upload's review priority and is
 * recorded on the person's standing complaint; it never decides alone. Beside the flow: it uses
 * {@code detect}, {@code audit}, {@code access} and {@code errors}, and {@code signals} uses it.
 */
package org.pramaan.likeness;
