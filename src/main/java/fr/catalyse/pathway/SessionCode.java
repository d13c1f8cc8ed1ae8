package fr.catalyse.pathway;

import java.util.Arrays;
import org.springframework.modulith.NamedInterface;

/**
 * The collective sessions of the pilot pathway, in order, and the deliverable each
 * territory hands in after it (the expert webinar asks for none).
 */
@NamedInterface("statuses")
public enum SessionCode {

    S1("Comprendre", "Bilan initial (autodiagnostic)"), S2("Mettre en œuvre", "Fiche de mise en œuvre"),
    W("Webinaire expert", null), S3("Approfondir", "Feuille de route"),
    S4("Mettre en perspective", "Bilan du participant et contribution au socle commun");

    private final String title;

    private final String deliverable;

    SessionCode(String title, String deliverable) {
        this.title = title;
        this.deliverable = deliverable;
    }

    public String title() {
        return title;
    }

    /** What the territories hand in after this session, or null. */
    public String deliverable() {
        return deliverable;
    }

    public String label() {
        return name() + " " + title;
    }

    public static SessionCode of(String code) {
        return Arrays.stream(values())
            .filter(session -> session.name().equals(code))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("Session inconnue : " + code));
    }

}
