/** API keys and roles. Keys are stored only as SHA-256 digests; the plaintext is shown once, at creation. */
package org.pramaan.access;
