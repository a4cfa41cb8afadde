/**
 * Idempotent requests: a client that retries a request with the same {@code Idempotency-Key}
 * (draft-ietf-httpapi-idempotency-key-header) gets the first result instead of a second effect.
 */
package org.pramaan.idempotency;
