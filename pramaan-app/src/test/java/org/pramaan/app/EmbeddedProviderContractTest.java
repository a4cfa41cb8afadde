package org.pramaan.app;

import java.io.IOException;
import java.nio.file.Path;
import org.pramaan.adapters.AdapterRegistry;
import org.pramaan.adapters.Adapters;
import org.pramaan.adapters.StoreSettings;
import org.pramaan.testkit.contracts.AdaptersContract;

/** {@code store=embedded} as the app opens it (found by the ServiceLoader, with the FFmpeg decoders) against the deployment contract. */
class EmbeddedProviderContractTest extends AdaptersContract {
    @Override
    protected Adapters open(Path dir) throws IOException {
        return AdapterRegistry.installed().open(new StoreSettings(EmbeddedAdaptersProvider.NAME, dir));
    }
}
