package fr.catalyse.demo;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Paragraph;
import java.io.ByteArrayOutputStream;

/**
 * Small real PDFs for the demonstration's documents (a deliverable, session minutes),
 * that open in any reader.
 */
final class DemoFiles {

    private DemoFiles() {
    }

    static byte[] pdf(String title, String... paragraphs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document();
        try {
            com.lowagie.text.pdf.PdfWriter.getInstance(document, bytes);
            document.addTitle(title);
            document.open();
            document.add(new Paragraph(title, FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16)));
            for (String paragraph : paragraphs) {
                document.add(new Paragraph(paragraph, FontFactory.getFont(FontFactory.HELVETICA, 11)));
            }
            document.close();
        }
        catch (DocumentException unwritable) {
            throw new IllegalStateException(unwritable);
        }
        return bytes.toByteArray();
    }

}
