package fr.catalyse.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kinds of file Catalyse accepts, recognised from their content: the magic bytes of
 * PDF, PNG and JPEG; for the office formats, which are all zip archives, the entries
 * inside — the {@code mimetype} entry of an OpenDocument file, and for Office Open XML
 * the {@code [Content_Types].xml} entry with the main part of a document, workbook or
 * presentation. A name's extension alone proves nothing: a file whose content is none of
 * these, or whose content and extension disagree, is refused.
 */
enum FileType {

    PDF("application/pdf", "document PDF", "pdf"),
    ODT("application/vnd.oasis.opendocument.text", "texte OpenDocument", "odt"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "classeur OpenDocument", "ods"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "document Word", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "classeur Excel", "xlsx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "présentation PowerPoint",
            "pptx"),
    PNG("image/png", "image PNG", "png"), JPEG("image/jpeg", "image JPEG", "jpg", "jpeg");

    /** What a refusal lists as accepted. */
    static final String ACCEPTED = "PDF, ODT, ODS, DOCX, XLSX, PPTX, PNG ou JPEG";

    /**
     * A zip bomb's entries are read no further than this (an honest office file has a few
     * hundred).
     */
    private static final int MAX_ZIP_ENTRIES = 10_000;

    private final String mediaType;

    private final String label;

    private final Set<String> extensions;

    FileType(String mediaType, String label, String... extensions) {
        this.mediaType = mediaType;
        this.label = label;
        this.extensions = Set.of(extensions);
    }

    String mediaType() {
        return mediaType;
    }

    String label() {
        return label;
    }

    boolean named(String fileName) {
        return extensions.contains(extension(fileName));
    }

    /** The French label of a stored media type (« document PDF »). */
    static String labelOf(String mediaType) {
        return Arrays.stream(values())
            .filter(type -> type.mediaType.equals(mediaType))
            .map(FileType::label)
            .findFirst()
            .orElse(mediaType);
    }

    static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The type the content is, if it is one of ours. */
    static Optional<FileType> of(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' })) {
            return Optional.of(PNG);
        }
        if (startsWith(content, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, new byte[] { 'P', 'K', 3, 4 })) {
            return office(content);
        }
        return Optional.empty();
    }

    private static Optional<FileType> office(byte[] content) {
        Set<String> names = new HashSet<>();
        String odfType = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null && names.size() < MAX_ZIP_ENTRIES) {
                names.add(entry.getName());
                if (names.size() == 1 && "mimetype".equals(entry.getName())) {
                    // ODF stores its type, uncompressed, as the archive's first entry;
                    // 100 bytes are plenty.
                    odfType = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).trim();
                }
            }
        }
        catch (IOException | IllegalArgumentException notAZip) {
            return Optional.empty();
        }
        if (odfType != null) {
            String type = odfType;
            return Arrays.stream(new FileType[] { ODT, ODS }).filter(kind -> kind.mediaType.equals(type)).findFirst();
        }
        if (!names.contains("[Content_Types].xml")) {
            return Optional.empty();
        }
        if (names.contains("word/document.xml")) {
            return Optional.of(DOCX);
        }
        if (names.contains("xl/workbook.xml")) {
            return Optional.of(XLSX);
        }
        if (names.contains("ppt/presentation.xml")) {
            return Optional.of(PPTX);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

}
