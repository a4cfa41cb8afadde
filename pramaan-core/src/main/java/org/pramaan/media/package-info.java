/**
 * Media intake: identifying a file by its magic bytes, reading its dimensions or duration from
 * headers, and refusing it (with a stable {@link org.pramaan.media.RejectionCode}) before anything
 * decodes it. Everything here treats input bytes as untrusted.
 */
package org.pramaan.media;
