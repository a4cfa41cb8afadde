package org.pramaan.signals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.banks.BankMatch;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.ContentDigests;
import org.pramaan.hash.PdqResult;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaSource;

/**
 * One file as the extractor chain sees it: its bytes, what the prober found, the uploader's
 * declaration if any, and a typed scratchpad where an extractor leaves what it computed for later
 * extractors (bank matching needs the digests, PDQ and AV hashes) and for the screening report.
 * One instance per file and screening; not shared between threads.
 */
public final class SignalInput {
    /**
     * A typed slot of the scratchpad. Keys compare by identity, so two extractors that pick the same
     * name still do not overwrite each other.
     */
    @SuppressWarnings("UnusedTypeParameter") // T is the slot's type, checked by the compiler at put() and get()
    public static final class Key<T> {
        private final String name;

        private Key(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public String name() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** SHA-256 and MD5 of the exact bytes ({@link ContentDigestExtractor}). */
    public static final Key<ContentDigests> DIGESTS = key("digests");
    /** PDQ of the decoded pixels, images only ({@link PdqExtractor}). */
    public static final Key<PdqResult> PDQ = key("pdq");
    /** vPDQ frames and audio fingerprint, or why not ({@link AvHasher}). */
    public static final Key<AvHashes> AV_HASHES = key("avHashes");
    /** Every bank item the file matched ({@link BankMatchExtractor}). */
    public static final Key<List<BankMatch>> BANK_MATCHES = key("bankMatches");

    /** A new key, for an extractor whose result a later one of its own reads. */
    public static <T> Key<T> key(String name) {
        return new Key<>(name);
    }

    private final MediaSource source;
    private final MediaInfo info;
    private final Optional<UploaderDeclaration> declaration;
    // Key keeps Object's identity equals, so a plain map already compares keys by identity.
    private final Map<Key<?>, Object> found = new HashMap<>();

    public SignalInput(MediaSource source, MediaInfo info, Optional<UploaderDeclaration> declaration) {
        this.source = Objects.requireNonNull(source, "source");
        this.info = Objects.requireNonNull(info, "info");
        this.declaration = Objects.requireNonNull(declaration, "declaration");
    }

    /** A file without an uploader's declaration (the CLI's {@code scan}, tests). */
    public static SignalInput of(MediaSource source, MediaInfo info) {
        return new SignalInput(source, info, Optional.empty());
    }

    public MediaSource source() {
        return source;
    }

    public MediaInfo info() {
        return info;
    }

    /** What the uploader said about the file (IT Rules r.4(1A)), when they said anything. */
    public Optional<UploaderDeclaration> declaration() {
        return declaration;
    }

    /**
     * Leaves a result for later extractors. Each key is written once: a second write means two
     * extractors in the list compute the same thing, a wiring mistake.
     *
     * @throws IllegalStateException when {@code key} already holds a value
     */
    public <T> void put(Key<T> key, T value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (found.putIfAbsent(key, value) != null)
            throw new IllegalStateException("'" + key + "' was already computed by an earlier extractor");
    }

    /** What an earlier extractor left under {@code key}; empty when none computed it (or it does not apply, e.g. PDQ for a video). */
    public <T> Optional<T> get(Key<T> key) {
        @SuppressWarnings("unchecked") // put() only stores a T under a Key<T>
        T value = (T) found.get(Objects.requireNonNull(key, "key"));
        return Optional.ofNullable(value);
    }
}
