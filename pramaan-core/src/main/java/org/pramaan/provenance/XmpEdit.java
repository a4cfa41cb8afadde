package org.pramaan.provenance;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Sets Pramaan's two label properties in an XMP packet and keeps everything else in it: any
 * previous {@code Iptc4xmpExt:DigitalSourceType} or {@code TC260:AIGC} (element or attribute form,
 * ISO 16684-1 §7.9) is removed first, so rewriting replaces instead of duplicating.
 */
final class XmpEdit {
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String TC260 = "http://www.tc260.org.cn/ns/AIGC/1.0/";

    /** Factory look-up costs more than a small parse; builders are not thread-safe, hence one per thread. */
    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(XmpEdit::newParser);

    private XmpEdit() {}

    private static DocumentBuilder newParser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return b;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks secure-processing support", e);
        }
    }

    /**
     * @param existing the current packet, or empty to start a new one
     * @throws IllegalArgumentException when the existing packet is not well-formed XMP (overwriting
     *                                  it would destroy metadata we cannot read)
     */
    static String apply(Optional<byte[]> existing, Optional<String> dstUri, Optional<String> aigcJson) {
        byte[] packet = existing.orElse(Xmp.packet("", "").getBytes(StandardCharsets.UTF_8));
        Document doc;
        try {
            doc = PARSER.get().parse(new ByteArrayInputStream(packet));
        } catch (Exception e) {
            throw new IllegalArgumentException("the file's existing XMP packet is not well-formed XML ("
                    + e.getMessage() + "); not overwriting it");
        }
        Element rdf = first(doc.getDocumentElement(), RDF, "RDF");
        if (rdf == null)
            throw new IllegalArgumentException(
                    "the file's existing XMP packet has no rdf:RDF element; not overwriting it");
        Element desc = first(rdf, RDF, "Description");
        if (desc == null) {
            desc = doc.createElementNS(RDF, "rdf:Description");
            desc.setAttributeNS(RDF, "rdf:about", "");
            rdf.appendChild(desc);
        }
        if (dstUri.isPresent()) set(rdf, desc, XmpReader.IPTC_EXT, "Iptc4xmpExt", "DigitalSourceType", dstUri.get());
        if (aigcJson.isPresent()) set(rdf, desc, TC260, "TC260", "AIGC", aigcJson.get());
        return serialize(doc);
    }

    private static void set(Element rdf, Element desc, String ns, String prefix, String local, String value) {
        NodeList all = rdf.getElementsByTagNameNS(RDF, "Description");
        for (int i = 0; i < all.getLength(); i++) {
            Element d = (Element) all.item(i);
            d.removeAttributeNS(ns, local);
            NodeList old = d.getElementsByTagNameNS(ns, local);
            for (int k = old.getLength() - 1; k >= 0; k--)
                old.item(k).getParentNode().removeChild(old.item(k));
        }
        desc.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, ns);
        Element e = desc.getOwnerDocument().createElementNS(ns, prefix + ":" + local);
        e.setTextContent(value);
        desc.appendChild(e);
    }

    private static Element first(Element parent, String ns, String local) {
        if (ns.equals(parent.getNamespaceURI()) && local.equals(parent.getLocalName())) return parent;
        NodeList l = parent.getElementsByTagNameNS(ns, local);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }

    private static String serialize(Document doc) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter w = new StringWriter();
            for (Node n = doc.getFirstChild(); n != null; n = n.getNextSibling()) {
                t.transform(new DOMSource(n), new StreamResult(w));
                if (n.getNextSibling() != null) w.write("\n");
            }
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise XMP", e);
        }
    }
}
