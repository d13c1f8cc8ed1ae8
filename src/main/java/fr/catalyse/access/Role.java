package fr.catalyse.access;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * The actors of the programme. Each role is a Camunda group ({@link #groupId()});
 * territorial roles also have one group per territory ({@link #groupIn(String)}), which
 * is what tasks are offered to.
 */
@NamedInterface("callers")
public enum Role {

    PROGRAMME_TEAM("programme", "Équipe programme", "membre de l'équipe programme", false),
    STEERING_COMMITTEE("comite-orientation", "Comité d'orientation", "membre du comité d'orientation", false),
    CATALYST("catalyseurs", "Catalyseurs", "catalyseur territorial", true),
    LOCAL_AUTHORITY("collectivites", "Collectivités", "représentant d'une collectivité", true),
    ASSOCIATION("associations", "Associations et fondations", "membre d'une association", true),
    COMPANY("entreprises", "Entreprises", "membre d'une entreprise", true),
    UNIVERSITY("universites", "Universités", "membre d'une université", true),
    FUNDER("financeurs", "Financeurs", "financeur", true);

    private final String groupId;

    private final String label;

    private final String holder;

    private final boolean territorial;

    Role(String groupId, String label, String holder, boolean territorial) {
        this.groupId = groupId;
        this.label = label;
        this.holder = holder;
        this.territorial = territorial;
    }

    /** One person holding the role, e.g. "catalyseur territorial". */
    public String holder() {
        return holder;
    }

    /**
     * Group of everyone holding this role, whatever their territory (e.g.
     * {@code catalyseurs}).
     */
    public String groupId() {
        return groupId;
    }

    public String label() {
        return label;
    }

    /**
     * Territorial roles act for one territory; the programme team and the committee see
     * them all.
     */
    public boolean territorial() {
        return territorial;
    }

    /**
     * Group of the holders of this role in one territory, e.g.
     * {@code catalyseurs.nantes}.
     */
    public String groupIn(String territoryCode) {
        if (!territorial) {
            throw new IllegalArgumentException(label + " n'est pas un rôle territorial");
        }
        return groupId + "." + territoryCode;
    }

    /**
     * Reads a role as written by a person: group id or label, any case, accents optional,
     * singular or plural.
     */
    public static Optional<Role> parse(String text) {
        String wanted = simplify(text);
        return Arrays.stream(values()).filter(role -> role.names().contains(wanted)).findFirst();
    }

    private Set<String> names() {
        String singular = groupId.replaceAll("s$", "");
        return Set
            .copyOf(List.of(groupId, singular, simplify(label), simplify(name()), singular.replaceAll("-.*", "")));
    }

    private static String simplify(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text.trim(), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-').replace("'", "");
    }

}
