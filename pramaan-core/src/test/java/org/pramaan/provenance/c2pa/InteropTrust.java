package org.pramaan.provenance.c2pa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The two trust modes of the interop suites, given to both sides alike: the reference's default (no
 * anchors) and the C2PA test roots of shared/testdata/c2pa/certs/trust with their EKU list. Our side
 * runs on the system clock because the live peer judges certificate validity at "now" too.
 */
record InteropTrust(String name, Optional<String> anchorsPem, Optional<String> storeCfg) {
    static InteropTrust none() {
        return new InteropTrust("default_settings", Optional.empty(), Optional.empty());
    }

    static InteropTrust testAnchors(Path c2paRoot) throws IOException {
        return new InteropTrust(
                "trusted_settings",
                Optional.of(Files.readString(c2paRoot.resolve("certs/trust/test_cert_root_bundle.pem"))),
                Optional.of(Files.readString(c2paRoot.resolve("certs/trust/store.cfg"))));
    }

    C2paReader reader() {
        Clock now = Clock.systemUTC();
        return new C2paReader(
                anchorsPem.isEmpty()
                        ? TrustSettings.none(now)
                        : TrustSettings.fromPem(anchorsPem.get(), storeCfg.orElse(""), now));
    }
}
