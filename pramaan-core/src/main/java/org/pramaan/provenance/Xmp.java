package org.pramaan.provenance;

/** Builders for minimal, valid XMP packets (ISO 16684-1) carrying the labels Pramaan writes. */
public final class Xmp {
    private Xmp() {}

    /** IPTC digital source type as a full NewsCodes URI, e.g. …/digitalsourcetype/trainedAlgorithmicMedia. */
    public static String digitalSourceType(String uri) {
        return packet(
                "xmlns:Iptc4xmpExt=\"" + XmpReader.IPTC_EXT + "\"",
                "<Iptc4xmpExt:DigitalSourceType>" + escape(uri) + "</Iptc4xmpExt:DigitalSourceType>");
    }

    /** The GB 45438 implicit label, as TC260 practice places it: property {@code TC260:AIGC} holding the JSON. */
    public static String aigc(String json) {
        return packet(
                "xmlns:TC260=\"http://www.tc260.org.cn/ns/AIGC/1.0/\"",
                "<TC260:AIGC>" + escape(json) + "</TC260:AIGC>");
    }

    static String packet(String namespaces, String properties) {
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" " + namespaces + ">" + properties
                + "</rdf:Description></rdf:RDF></x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
