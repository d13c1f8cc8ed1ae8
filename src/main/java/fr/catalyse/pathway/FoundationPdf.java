package fr.catalyse.pathway;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.List;
import com.lowagie.text.ListItem;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import fr.catalyse.platform.Deadlines;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The published socle commun as a PDF, in French: the cohort, the version and its
 * publication date, the items grouped by dimension of co-construction, then the same
 * items by form of engineering, and the territories whose deliverables contributed.
 * Standard PDF fonts in WinAnsi encoding cover French text (accents, œ, « ») without
 * embedding a font file.
 */
final class FoundationPdf {

    static final Map<String, String> DIMENSIONS = labels("solutions", "Solutions", "chaine-de-valeur",
            "Chaîne de valeur", "modele-economique", "Modèle économique", "dispositif", "Dispositif");
    static final Map<String, String> ENGINEERINGS = labels("gestion", "Ingénierie de gestion", "projet",
            "Ingénierie de projet", "relationnelle", "Ingénierie relationnelle (catalyse)");
    static final Map<String, String> CATEGORIES = labels("constat", "Constat", "enseignement", "Enseignement",
            "conviction", "Conviction", "besoin-formation", "Besoin de formation", "outil", "Outil");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private static final Color INK = new Color(0x1F, 0x3A, 0x5F);

    private FoundationPdf() {
    }

    static String fileName(FoundationVersion version) {
        return "socle-commun-v" + version.getVersion() + ".pdf";
    }

    static String title(Cohort cohort) {
        return "Socle commun du parcours « " + cohort.getName() + " »";
    }

    static byte[] render(FoundationVersion version, Collection<String> participantTerritories, Instant publishedAt) {
        Font titleFont = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18, INK);
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13, INK);
        Font subheading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
        Font label = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 9, Color.DARK_GRAY);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, bytes);
            document.addTitle(title(version.getCohort()));
            document.addCreator("Catalyse");
            document.open();
            document.add(new Paragraph(title(version.getCohort()), titleFont));
            document.add(new Paragraph("Version " + version.getVersion() + " — publiée le "
                    + DAY.format(publishedAt.atZone(Deadlines.ZONE)), body));
            if (version.getCommitteeComment() != null && !version.getCommitteeComment().isBlank()) {
                document.add(new Paragraph("Avis du comité d'orientation : " + version.getCommitteeComment(), label));
            }

            document.add(section("Par dimension de la co-construction", heading));
            grouped(document, version, DIMENSIONS, FoundationItem::getDimension, ENGINEERINGS,
                    FoundationItem::getEngineering, subheading, body, label);
            document.add(section("Par forme d'ingénierie", heading));
            grouped(document, version, ENGINEERINGS, FoundationItem::getEngineering, DIMENSIONS,
                    FoundationItem::getDimension, subheading, body, label);

            document.add(section("Territoires contributeurs", heading));
            List territories = new List(false, 12);
            territories.setListSymbol(new Chunk("• ", body));
            contributors(version, participantTerritories).forEach(name -> territories.add(new ListItem(name, body)));
            document.add(territories);
            document.close();
        }
        catch (DocumentException unwritable) {
            throw new IllegalStateException(unwritable);
        }
        return bytes.toByteArray();
    }

    /** The territories named as the items' sources, else the cohort's selected ones. */
    static java.util.List<String> contributors(FoundationVersion version, Collection<String> participantTerritories) {
        TreeSet<String> sources = version.getItems()
            .stream()
            .map(FoundationItem::getSource)
            .filter(Objects::nonNull)
            .filter(source -> !source.isBlank())
            .collect(Collectors.toCollection(() -> new TreeSet<>(java.text.Collator.getInstance(Locale.FRENCH))));
        if (sources.isEmpty()) {
            sources.addAll(participantTerritories);
        }
        return java.util.List.copyOf(sources);
    }

    private static Paragraph section(String text, Font font) {
        Paragraph section = new Paragraph(text, font);
        section.setSpacingBefore(14);
        section.setSpacingAfter(4);
        return section;
    }

    private static void grouped(Document document, FoundationVersion version, Map<String, String> groups,
            java.util.function.Function<FoundationItem, String> groupOf, Map<String, String> otherLabels,
            java.util.function.Function<FoundationItem, String> otherOf, Font subheading, Font body, Font label)
            throws DocumentException {
        Map<String, String> every = new LinkedHashMap<>(groups);
        every.put(null, "Non précisé");
        for (Map.Entry<String, String> group : every.entrySet()) {
            java.util.List<FoundationItem> items = version.getItems()
                .stream()
                .filter(item -> Objects.equals(group.getKey(),
                        groups.containsKey(groupOf.apply(item)) ? groupOf.apply(item) : null))
                .toList();
            if (items.isEmpty()) {
                continue;
            }
            Paragraph title = new Paragraph(group.getValue(), subheading);
            title.setSpacingBefore(6);
            document.add(title);
            for (FoundationItem item : items) {
                Paragraph line = new Paragraph();
                line.setIndentationLeft(12);
                line.setAlignment(Element.ALIGN_LEFT);
                line.add(new Chunk(CATEGORIES.getOrDefault(item.getCategory(), "Élément") + " — ", subheading));
                line.add(new Chunk(item.getContent() == null ? "" : item.getContent(), body));
                String other = otherLabels.get(otherOf.apply(item));
                String source = item.getSource();
                if (other != null || source != null) {
                    line.add(new Chunk("  (" + java.util.stream.Stream.of(other, source)
                        .filter(Objects::nonNull)
                        .collect(Collectors.joining(" ; ")) + ")", label));
                }
                document.add(line);
            }
        }
    }

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            labels.put(pairs[i], pairs[i + 1]);
        }
        return labels;
    }

}
