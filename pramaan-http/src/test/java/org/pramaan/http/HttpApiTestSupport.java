package org.pramaan.http;

import java.io.IOException;
import java.io.InputStream;

final class HttpApiTestSupport {
    private HttpApiTestSupport() {}

    static byte[] resource(String name) throws IOException {
        try (InputStream in = HttpApi.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
