package org.pramaan.console;

import io.javalin.http.Context;

/** A console page or action that runs with a live session (see {@link Console#pageGet}, {@link Console#pagePost}). */
@FunctionalInterface
interface PageHandler {
    void handle(Context ctx, Sessions.Session session) throws Exception;
}
