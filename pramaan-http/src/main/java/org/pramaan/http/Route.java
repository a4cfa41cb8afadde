package org.pramaan.http;

import io.javalin.http.Handler;
import java.util.Optional;
import org.pramaan.access.Permission;

/**
 * One API route. The route table is the single list that the server registers and that the
 * OpenAPI contract test compares with {@code openapi.json}.
 *
 * @param permission what the caller's key must allow; empty for public routes
 */
record Route(String method, String path, Optional<Permission> permission, Handler handler) {
    static Route open(String method, String path, Handler h) {
        return new Route(method, path, Optional.empty(), h);
    }

    static Route guarded(String method, String path, Permission p, Handler h) {
        return new Route(method, path, Optional.of(p), h);
    }
}
