package org.pramaan.cases;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.pramaan.hash.ContentDigests;

/**
 * Which notice fields the server owns, and the rules for completing a notice later.
 *
 * <p>The server writes {@value #SUBMITTED_BY} (the key that sent the notice) and
 * {@value #TRUSTED_FLAGGER} (DSA art.22: the status is awarded by the Digital Services Coordinator
 * to an entity, so it is a property of the sender's API key set by an admin, never a claim in the
 * notice). A client that names either is refused, on intake and on completion, so a stored case
 * never holds a client's value for them.
 */
public final class NoticeFields {
    /** The API key (or CLI operator) that submitted the notice, as {@code key:<id>}. */
    public static final String SUBMITTED_BY = "submittedBy";
    /** {@code "true"} when the sender's key is a DSA art.22 trusted flagger; read by the queue and the statement of reasons. */
    public static final String TRUSTED_FLAGGER = "trusted_flagger";

    public static final Set<String> SERVER_OWNED = Set.of(SUBMITTED_BY, TRUSTED_FLAGGER);

    private NoticeFields() {}

    /** Refuses the first server-owned field among {@code fields}; {@code where} names the request part for the message. */
    public static void refuseServerOwned(Map<String, String> fields, String where) {
        for (String name : fields.keySet()) {
            if (SERVER_OWNED.contains(name)) {
                throw new FieldRefusedException(
                        FieldRefusedException.Reason.SERVER_OWNED,
                        name,
                        where + " field '" + name + "' is set by the server and cannot be given by a client");
            }
        }
    }

    public static boolean trustedFlagger(CaseFile c) {
        return "true".equalsIgnoreCase(c.notice().getOrDefault(TRUSTED_FLAGGER, ""));
    }

    /**
     * A digest of a supplied value for the audit log. Notice fields are personal data (a notifier's
     * name and e-mail); the audit log is append-only and hash-chained, so nothing written there can be
     * erased later (GDPR art.5(1)(c) minimisation, art.17 erasure). The case keeps the value; the log
     * keeps proof of which value was supplied, bound to the case and the field so equal values in
     * different cases do not link them.
     */
    public static String auditDigest(String caseId, String field, String value) {
        byte[] in = (caseId + "\n" + field + "\n" + value).getBytes(StandardCharsets.UTF_8);
        return "sha256:"
                + HexFormat.of().formatHex(ContentDigests.digest("SHA-256").digest(in));
    }

    /** Why a supplied notice field was refused; the edge maps each reason to its status and code. */
    public static final class FieldRefusedException extends RuntimeException {
        public enum Reason {
            /** the server sets it ({@link #SERVER_OWNED}) */
            SERVER_OWNED("notice.field_server_owned"),
            /** the notice already has it: a completion only fills what is missing */
            PRESENT("notice.field_present"),
            /** the rule pack does not list it as missing for this case */
            NOT_MISSING("notice.field_not_missing");

            private final String code;

            Reason(String code) {
                this.code = code;
            }

            public String code() {
                return code;
            }
        }

        private final Reason reason;
        private final String field;

        public FieldRefusedException(Reason reason, String field, String message) {
            super(message);
            this.reason = reason;
            this.field = field;
        }

        public Reason reason() {
            return reason;
        }

        public String field() {
            return field;
        }
    }
}
