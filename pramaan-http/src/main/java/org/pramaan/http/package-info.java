/** The REST API (JSON over HTTP, Javalin): the only module that knows a web framework. */
package org.pramaan.http;
