/**
 * The intake use case: probe → digests and PDQ → signals → bank matches → assessment → decision,
 * then store the media content-addressed and record everything in the audit log.
 */
package org.pramaan.screening;
