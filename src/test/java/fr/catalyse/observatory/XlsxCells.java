package fr.catalyse.observatory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads an XLSX file back as a spreadsheet application would: the zip's central
 * directory, the shared strings, and the first sheet's cells by reference (A1, B2…),
 * texts resolved, numbers as written.
 */
final class XlsxCells {

    private XlsxCells() {
    }

    static Map<String, String> firstSheet(byte[] xlsx) throws IOException {
        Path file = Files.write(Files.createTempFile("export", ".xlsx"), xlsx);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> shared = new ArrayList<>();
            ZipEntry strings = zip.getEntry("xl/sharedStrings.xml");
            if (strings != null) {
                NodeList items = parse(zip.getInputStream(strings).readAllBytes()).getElementsByTagName("si");
                for (int i = 0; i < items.getLength(); i++) {
                    shared.add(items.item(i).getTextContent());
                }
            }
            Map<String, String> cells = new LinkedHashMap<>();
            NodeList found = parse(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes())
                .getElementsByTagName("c");
            for (int i = 0; i < found.getLength(); i++) {
                Element cell = (Element) found.item(i);
                NodeList values = cell.getElementsByTagName("v");
                String value = values.getLength() == 0 ? cell.getTextContent() : values.item(0).getTextContent();
                cells.put(cell.getAttribute("r"),
                        "s".equals(cell.getAttribute("t")) ? shared.get(Integer.parseInt(value)) : value);
            }
            return cells;
        }
        finally {
            Files.delete(file);
        }
    }

    private static Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        }
        catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException invalid) {
            throw new IOException(invalid);
        }
    }

}
