package org.pramaan.provenance.c2pa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.pramaan.testing.SharedTestData;

/** The C2PA test credentials under shared/testdata/c2pa/certs ({alg}.pem key, {alg}.pub chain) and their trust list. */
final class SigningFixtures {
    private SigningFixtures() {}

    static SigningKey key(SigningAlgorithm alg) throws Exception {
        Path certs = SharedTestData.folder("c2pa/certs");
        String name = alg.name().toLowerCase(java.util.Locale.ROOT);
        return SigningKey.fromPem(
                Files.readString(certs.resolve(name + ".pem")), Files.readString(certs.resolve(name + ".pub")), alg);
    }

    static TrustSettings trust() throws Exception {
        Path t = SharedTestData.folder("c2pa/certs/trust");
        return TrustSettings.fromPem(
                Files.readString(t.resolve("test_cert_root_bundle.pem")),
                Files.readString(t.resolve("store.cfg")),
                Clock.systemUTC());
    }

    static C2paSigner signer(SigningAlgorithm alg) throws Exception {
        return new C2paSigner(key(alg), TrustSettings.none(Clock.systemUTC()), "pramaan-test", "1.0");
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
