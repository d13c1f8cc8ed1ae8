package fr.catalyse.territory;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/** The kinds of organisations that ally on a territory. */
@NamedInterface("directory")
public enum OrganisationKind {

    COLLECTIVITE("Collectivité"), ASSOCIATION("Association"), FONDATION("Fondation"), ENTREPRISE("Entreprise"),
    UNIVERSITE("Université"), FINANCEUR("Financeur"), ETAT("État"), AUTRE("Autre");

    private final String label;

    OrganisationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads a kind as a person writes it: "Université", "universite", "UNIVERSITE"… */
    public static Optional<OrganisationKind> parse(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text.trim(), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.name().equals(plain)).findFirst();
    }

}
