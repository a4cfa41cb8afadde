/** The one JSON configuration used for records on disk, in the audit log and on the wire, so all three agree. */
package org.pramaan.json;
