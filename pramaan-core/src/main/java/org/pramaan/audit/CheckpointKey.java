package org.pramaan.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The Ed25519 (RFC 8032, the JDK's own provider) key that signs audit checkpoints. Its file holds the
 * PKCS#8 private key and the X.509 public key as two PEM blocks: the JDK cannot derive an Ed25519
 * public key from a PKCS#8 v1 private key, and keeping both lets the pair be checked on load.
 */
public final class CheckpointKey {
    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String publicKeyBase64;

    private CheckpointKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.publicKeyBase64 = Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public static CheckpointKey generate() {
        try {
            KeyPair p = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new CheckpointKey(p.getPrivate(), p.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required of every JDK since 15", e);
        }
    }

    /** The key and whether this call created its file. */
    public record Loaded(CheckpointKey key, boolean created) {}

    /**
     * Reads the key at {@code file}, or creates it (owner-only permissions where the file system has
     * POSIX permissions) when there is no file. A file that exists but cannot be read or is not a
     * matching Ed25519 pair is refused with a message naming the file: signing with a fresh key would
     * orphan every earlier checkpoint.
     */
    public static Loaded loadOrCreate(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            CheckpointKey k = generate();
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                }
                Files.writeString(file, k.toPem(), StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
                return new Loaded(k, true);
            } catch (FileAlreadyExistsException e) {
                return new Loaded(load(file), false); // another process created it first
            } catch (IOException e) {
                throw new IllegalStateException(
                        "cannot create the audit checkpoint key " + file + ": " + e.getMessage(), e);
            }
        }
        return new Loaded(load(file), false);
    }

    public static CheckpointKey load(Path file) {
        String pem;
        try {
            if (Files.size(file) > 16_384)
                throw new IllegalStateException(
                        "the audit checkpoint key " + file + " is larger than 16384 bytes: not a key file");
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the audit checkpoint key " + file + ": " + e.getMessage(), e);
        }
        try {
            KeyFactory f = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(block(pem, PRIVATE)));
            PublicKey pub = f.generatePublic(new X509EncodedKeySpec(block(pem, PUBLIC)));
            CheckpointKey k = new CheckpointKey(priv, pub);
            byte[] probe = "pramaan checkpoint key self-test".getBytes(StandardCharsets.US_ASCII);
            if (!verify(k.publicKeyBase64, probe, k.sign(probe)))
                throw new IllegalArgumentException("its public key does not belong to its private key");
            return k;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the audit checkpoint key " + file
                            + " is not an Ed25519 key pair (PEM 'PRIVATE KEY' and 'PUBLIC KEY' blocks): "
                            + e.getMessage(),
                    e);
        }
    }

    private static byte[] block(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----", end = "-----END " + label + "-----";
        int b = pem.indexOf(begin), e = pem.indexOf(end);
        if (b < 0 || e < b) throw new IllegalArgumentException("no '" + label + "' block");
        return Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e));
    }

    String toPem() {
        Base64.Encoder enc = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        return "-----BEGIN " + PRIVATE + "-----\n" + enc.encodeToString(privateKey.getEncoded()) + "\n-----END "
                + PRIVATE + "-----\n" + "-----BEGIN " + PUBLIC + "-----\n" + enc.encodeToString(publicKey.getEncoded())
                + "\n-----END " + PUBLIC + "-----\n";
    }

    /** Base64 of the X.509 SubjectPublicKeyInfo: what checkpoint lines and bundles carry. */
    public String publicKey() {
        return publicKeyBase64;
    }

    /** A short name for the public key (first 16 hex digits of its SHA-256), for people comparing keys by eye. */
    public String fingerprint() {
        return fingerprint(publicKeyBase64);
    }

    public static String fingerprint(String publicKeyBase64) {
        return BundleVerifier.sha256(publicKeyBase64.getBytes(StandardCharsets.US_ASCII))
                .substring(0, 16);
    }

    public Checkpoint sign(long seq, String hash, Instant at) {
        return new Checkpoint(
                seq,
                hash,
                at,
                publicKeyBase64,
                Base64.getEncoder().encodeToString(sign(Checkpoint.signedBytes(seq, hash, at))));
    }

    private byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    /** Whether {@code c} carries a valid signature by the key it names (which key that is, the caller must judge). */
    public static boolean verify(Checkpoint c) {
        try {
            return verify(c.publicKey(), c.signedBytes(), Base64.getDecoder().decode(c.signature()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean verify(String publicKeyBase64, byte[] message, byte[] signature) {
        try {
            PublicKey pub = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(pub);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
