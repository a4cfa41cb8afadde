package org.pramaan.provenance.c2pa;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A structure-only reading of an X.509 certificate (RFC 5280 §4.1) for the case the JDK's parser refuses
 * one whose DER is still sound: a byte changed inside a name's value, an OID's arcs or the outer signature
 * algorithm. The reference SDK (c2pa-rs, x509-parser) then still reports the manifest, with the signer's
 * names and {@code claimSignature.mismatch} (the x5chain is in the COSE protected header, RFC 9052 §3, so any
 * change to it breaks the signature); Pramaan used to hide the whole manifest (issue 18). DER that is broken
 * in structure (lengths, tags, times) is refused here as the reference refuses it ({@code CoseInvalidCert}).
 * Nothing read here is trusted: it only names the signer in the report.
 */
final class LenientCert {
    /** The signer facts the report shows (signature_info issuer = subject O, common_name, cert_serial_number). */
    record Names(String organization, String commonName, BigInteger serial) {}

    private LenientCert() {}

    /** One DER element: tag, the content's bounds. */
    private record Tlv(int tag, int start, int end) {}

    static Optional<Names> read(byte[] der) {
        try {
            List<Tlv> top = children(der, 0, der.length);
            if (top.size() != 1 || top.get(0).tag() != 0x30) return Optional.empty();
            List<Tlv> cert = children(der, top.get(0).start(), top.get(0).end());
            if (cert.size() != 3
                    || cert.get(0).tag() != 0x30
                    || !algorithm(der, cert.get(1))
                    || cert.get(2).tag() != 0x03) return Optional.empty();
            List<Tlv> tbs = children(der, cert.get(0).start(), cert.get(0).end());
            int i = !tbs.isEmpty() && tbs.get(0).tag() == 0xA0 ? 1 : 0; // [0] EXPLICIT version
            if (tbs.size() < i + 6) return Optional.empty();
            Tlv serial = tbs.get(i), sigAlg = tbs.get(i + 1), issuer = tbs.get(i + 2), validity = tbs.get(i + 3);
            Tlv subject = tbs.get(i + 4), spki = tbs.get(i + 5);
            if (serial.tag() != 0x02 || serial.end() == serial.start() || !algorithm(der, sigAlg))
                return Optional.empty();
            if (i == 1 && !version(der, tbs.get(0))) return Optional.empty();
            if (name(der, issuer).isEmpty() || !validity(der, validity) || !publicKey(der, spki))
                return Optional.empty();
            for (Tlv t : tbs.subList(i + 6, tbs.size()))
                if (t.tag() == 0xA3 && !extensions(der, t)) return Optional.empty();
            Optional<List<String[]>> subj = name(der, subject);
            if (subj.isEmpty()) return Optional.empty();
            String o = "", cn = "";
            for (String[] a : subj.get()) {
                if (a[0].equals("2.5.4.10") && o.isEmpty()) o = a[1];
                if (a[0].equals("2.5.4.3") && cn.isEmpty()) cn = a[1];
            }
            byte[] s = java.util.Arrays.copyOfRange(der, serial.start(), serial.end());
            return Optional.of(new Names(o, cn, new BigInteger(s)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The elements between {@code from} and {@code to}, which they must fill exactly (X.690 §8.1, definite lengths only). */
    private static List<Tlv> children(byte[] b, int from, int to) {
        List<Tlv> out = new ArrayList<>();
        int p = from;
        while (p < to) {
            if (out.size() > 64) throw new IllegalArgumentException("too many elements");
            int tag = b[p++] & 0xFF;
            if ((tag & 0x1F) == 0x1F || p >= to) throw new IllegalArgumentException("tag");
            int len = b[p++] & 0xFF;
            if (len > 0x80) {
                int n = len & 0x7F;
                if (n > 3 || p + n > to) throw new IllegalArgumentException("length");
                len = 0;
                for (int k = 0; k < n; k++) len = (len << 8) | (b[p++] & 0xFF);
            } else if (len == 0x80) throw new IllegalArgumentException("indefinite length");
            if (len > to - p) throw new IllegalArgumentException("overrun");
            out.add(new Tlv(tag, p, p + len));
            p += len;
        }
        return out;
    }

    /** AlgorithmIdentifier: SEQUENCE { OBJECT IDENTIFIER, parameters OPTIONAL }. */
    private static boolean algorithm(byte[] b, Tlv t) {
        if (t.tag() != 0x30) return false;
        List<Tlv> c = children(b, t.start(), t.end());
        // The OID's own digits are not judged: the reference reads a certificate whose algorithm OID is garbled.
        return !c.isEmpty()
                && c.size() <= 2
                && c.get(0).tag() == 0x06
                && c.get(0).end() > c.get(0).start();
    }

    /** X.690 §8.19: sub-identifiers base 128, no leading 0x80 octet, the last octet's high bit clear. */
    private static Optional<String> oid(byte[] b, Tlv t) {
        if (t.tag() != 0x06 || t.end() == t.start() || t.end() - t.start() > 64 || (b[t.end() - 1] & 0x80) != 0)
            return Optional.empty();
        StringBuilder s = new StringBuilder();
        long v = 0;
        boolean first = true, fresh = true;
        for (int p = t.start(); p < t.end(); p++) {
            int x = b[p] & 0xFF;
            if (fresh && x == 0x80) return Optional.empty();
            v = (v << 7) | (x & 0x7F);
            if (v > Integer.MAX_VALUE) return Optional.empty();
            fresh = (x & 0x80) == 0;
            if (!fresh) continue;
            if (first) {
                int arc = v < 40 ? 0 : v < 80 ? 1 : 2;
                s.append(arc).append('.').append(v - 40L * arc);
                first = false;
            } else s.append('.').append(v);
            v = 0;
        }
        return Optional.of(s.toString());
    }

    /**
     * Name: SEQUENCE OF SET OF SEQUENCE { OID, value }; each attribute as {oid, text}. A SEQUENCE whose
     * insides are broken yields no attributes rather than a refusal: the reference still reads such a
     * certificate (seen by flipping each byte of a signer's certificate against c2pa-rs 0.90.1).
     */
    private static Optional<List<String[]>> name(byte[] b, Tlv t) {
        if (t.tag() != 0x30) return Optional.empty();
        try {
            return attributes(b, t);
        } catch (IllegalArgumentException e) {
            return Optional.of(List.of());
        }
    }

    private static Optional<List<String[]>> attributes(byte[] b, Tlv t) {
        List<String[]> out = new ArrayList<>();
        for (Tlv rdn : children(b, t.start(), t.end())) {
            if (rdn.tag() != 0x31) continue;
            try { // a broken attribute is skipped and the others still read, as the reference does
                for (Tlv ava : children(b, rdn.start(), rdn.end())) {
                    List<Tlv> kv = ava.tag() == 0x30 ? children(b, ava.start(), ava.end()) : List.of();
                    if (kv.size() != 2) continue;
                    Optional<String> type = oid(b, kv.get(0));
                    if (type.isEmpty()) continue;
                    Tlv v = kv.get(1);
                    text(b, v).ifPresent(text -> out.add(new String[] {type.get(), text}));
                }
            } catch (IllegalArgumentException e) {
                continue;
            }
        }
        return Optional.of(out);
    }

    /** A UTF8String that is not UTF-8 is left out, as the reference leaves the attribute out; other strings as Latin-1. */
    private static Optional<String> text(byte[] b, Tlv v) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(b, v.start(), v.end() - v.start());
        if (v.tag() != 0x0C)
            return Optional.of(StandardCharsets.ISO_8859_1.decode(bytes).toString());
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** [0] EXPLICIT Version: INTEGER v1(0), v2(1) or v3(2). */
    private static boolean version(byte[] b, Tlv t) {
        List<Tlv> c = children(b, t.start(), t.end());
        return c.size() == 1
                && c.get(0).tag() == 0x02
                && c.get(0).end() - c.get(0).start() == 1
                && b[c.get(0).start()] >= 0
                && b[c.get(0).start()] <= 2;
    }

    /** SubjectPublicKeyInfo: SEQUENCE { AlgorithmIdentifier, BIT STRING with no unused bits }. */
    private static boolean publicKey(byte[] b, Tlv t) {
        if (t.tag() != 0x30) return false;
        List<Tlv> c = children(b, t.start(), t.end());
        return c.size() == 2
                && algorithm(b, c.get(0))
                && c.get(1).tag() == 0x03
                && c.get(1).end() > c.get(1).start()
                && b[c.get(1).start()] == 0;
    }

    /** [3] EXPLICIT Extensions: SEQUENCE OF SEQUENCE { OID, BOOLEAN OPTIONAL, OCTET STRING }. */
    private static boolean extensions(byte[] b, Tlv t) {
        List<Tlv> c = children(b, t.start(), t.end());
        if (c.size() != 1 || c.get(0).tag() != 0x30) return false;
        for (Tlv ext : children(b, c.get(0).start(), c.get(0).end())) {
            List<Tlv> e = ext.tag() == 0x30 ? children(b, ext.start(), ext.end()) : List.of();
            if (e.size() < 2
                    || e.size() > 3
                    || e.get(0).tag() != 0x06
                    || e.get(e.size() - 1).tag() != 0x04) return false;
            if (e.size() == 3 && e.get(1).tag() != 0x01) return false;
        }
        return true;
    }

    /** Validity: two times, UTCTime YYMMDDHHMMSSZ or GeneralizedTime YYYYMMDDHHMMSSZ (RFC 5280 §4.1.2.5). */
    private static boolean validity(byte[] b, Tlv t) {
        if (t.tag() != 0x30) return false;
        List<Tlv> c = children(b, t.start(), t.end());
        if (c.size() != 2) return false;
        for (Tlv time : c) {
            int len = time.end() - time.start();
            if (!((time.tag() == 0x17 && len == 13) || (time.tag() == 0x18 && len == 15))) return false;
            if (b[time.end() - 1] != 'Z') return false;
            for (int p = time.start(); p < time.end() - 1; p++) if (b[p] < '0' || b[p] > '9') return false;
        }
        return true;
    }
}
