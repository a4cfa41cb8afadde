package org.pramaan.provenance;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads the properties Pramaan needs from an XMP packet (ISO 16684-1), in either RDF form: as an
 * attribute of rdf:Description or as a child element (with text or rdf:resource). The parser allows
 * no DTD and no external entities. A packet that is not well-formed falls back to a pattern search
 * for the digital source type, since a damaged packet can still carry a readable label.
 */
public final class XmpReader {
    static final String IPTC_EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    /** A NewsCodes digital source type URI in a packet that does not parse; found by plain scanning (was a regex, issue 11). */
    private static final String DST_PREFIX = "http://cv.iptc.org/newscodes/digitalsourcetype/";

    /** What one packet says. */
    public record Found(
            List<String> digitalSourceTypes,
            List<String> aigc,
            List<String> provenance,
            List<String> descriptions,
            boolean wellFormed) {}

    private XmpReader() {}

    public static Found read(byte[] packet) {
        try {
            Document doc = parser().parse(new ByteArrayInputStream(packet));
            List<String> dst = new ArrayList<>(),
                    aigc = new ArrayList<>(),
                    prov = new ArrayList<>(),
                    desc = new ArrayList<>();
            walk(doc.getDocumentElement(), dst, aigc, prov, desc, 0);
            return new Found(dst, aigc, prov, desc, true);
        } catch (Exception e) {
            List<String> dst = new ArrayList<>();
            dst.addAll(digitalSourceTypeUris(new String(packet, java.nio.charset.StandardCharsets.UTF_8)));
            return new Found(dst, List.of(), List.of(), List.of(), false);
        }
    }

    private static void walk(
            Element e, List<String> dst, List<String> aigc, List<String> prov, List<String> desc, int depth) {
        if (depth > 64) return;
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            collect(a.getNamespaceURI(), a.getLocalName(), a.getValue(), dst, aigc, prov);
        }
        if (!hasChildElements(e)) {
            collect(e.getNamespaceURI(), e.getLocalName(), e.getTextContent().trim(), dst, aigc, prov);
        } else if (IPTC_EXT.equals(e.getNamespaceURI()) && "DigitalSourceType".equals(e.getLocalName())) {
            collect(IPTC_EXT, "DigitalSourceType", e.getTextContent().trim(), dst, aigc, prov);
        } else if ("http://purl.org/dc/elements/1.1/".equals(e.getNamespaceURI())
                && "description".equals(e.getLocalName())) {
            desc.add(e.getTextContent().trim());
        }
        String resource = e.getAttributeNS("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "resource");
        if (!resource.isEmpty()) collect(e.getNamespaceURI(), e.getLocalName(), resource, dst, aigc, prov);
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeType() == Node.ELEMENT_NODE)
                walk((Element) children.item(i), dst, aigc, prov, desc, depth + 1);
        }
    }

    private static void collect(
            String ns, String local, String value, List<String> dst, List<String> aigc, List<String> prov) {
        if (local == null || value.isEmpty()) return;
        if (IPTC_EXT.equals(ns) && local.equals("DigitalSourceType") && !dst.contains(value)) dst.add(value);
        else if (local.equals("AIGC") && !aigc.contains(value)) aigc.add(value);
        else if (DCTERMS.equals(ns) && local.equals("provenance") && !prov.contains(value)) prov.add(value);
    }

    private static boolean hasChildElements(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling())
            if (n.getNodeType() == Node.ELEMENT_NODE) return true;
        return false;
    }

    /**
     * One configured factory, one builder per thread: looking the factory up per packet cost more than
     * parsing it (the fuzzer ran at ~345 packets/s). A DocumentBuilder is not thread-safe, and
     * {@code reset()} returns it to its configured state between packets.
     */
    private static final DocumentBuilderFactory FACTORY = secureFactory();

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(XmpReader::newBuilder);

    private static DocumentBuilder parser() {
        DocumentBuilder b = BUILDER.get();
        b.reset();
        b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // silence: failures are results here
        return b;
    }

    private static DocumentBuilderFactory secureFactory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses the secure XMP settings", e);
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            return FACTORY.newDocumentBuilder();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses the secure XMP settings", e);
        }
    }

    /** What {@code (http://cv\\.iptc\\.org/newscodes/digitalsourcetype/[A-Za-z]+)} found with {@code find()}, in one pass. */
    static List<String> digitalSourceTypeUris(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int p = text.indexOf(DST_PREFIX, from); p >= 0; p = text.indexOf(DST_PREFIX, from)) {
            int e = p + DST_PREFIX.length();
            while (e < text.length() && isAsciiLetter(text.charAt(e))) e++;
            if (e > p + DST_PREFIX.length()) {
                out.add(text.substring(p, e));
                from = e;
            } else {
                from = p + 1;
            }
        }
        return out;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
