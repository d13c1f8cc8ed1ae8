package fr.catalyse.observatory;

import fr.catalyse.platform.Refusal;
import fr.catalyse.partnership.PartnershipStage;
import java.util.Arrays;

/**
 * A partnership's stage as the observatory shows it. The record's stages map one to one;
 * the three that end a partnership are told apart by how it ended: the evaluation decided
 * to stop (« arrêter », ClosePartnership), to spread it (« essaimer »,
 * SpreadPartnership), or the funder refused the funding before any evaluation
 * (CloseWithoutFunding). The evaluation's two other decisions do not end it: « ajuster »
 * sends it back to design, « poursuivre » to a new support period, so those partnerships
 * are counted in that stage, and the list shows the last decision beside it.
 */
enum Stage {

    DIALOGUE("dialogue"), MATCHMAKING("mise en relation"), DESIGN("conception"), SUPPORT("accompagnement"),
    EVALUATION("évaluation"), CLOSED_STOPPED("clos : arrêté"), CLOSED_SPREAD("clos : essaimé"),
    CLOSED_UNFUNDED("clos : sans financement");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean closed() {
        return this == CLOSED_STOPPED || this == CLOSED_SPREAD || this == CLOSED_UNFUNDED;
    }

    /** The record's own stage (partnership.stage) this one stands for. */
    PartnershipStage recordStage() {
        return switch (this) {
            case DIALOGUE -> PartnershipStage.DIALOGUE;
            case MATCHMAKING -> PartnershipStage.MATCHMAKING;
            case DESIGN -> PartnershipStage.DESIGN;
            case SUPPORT -> PartnershipStage.SUPPORT;
            case EVALUATION -> PartnershipStage.EVALUATION;
            case CLOSED_STOPPED -> PartnershipStage.CLOSED;
            case CLOSED_SPREAD -> PartnershipStage.SPREAD;
            case CLOSED_UNFUNDED -> PartnershipStage.STOPPED;
        };
    }

    static Stage of(String recordStage) {
        // Exhaustive: a stage added to the partnership module fails the build here until
        // it is mapped.
        return switch (PartnershipStage.valueOf(recordStage)) {
            case DIALOGUE -> DIALOGUE;
            case MATCHMAKING -> MATCHMAKING;
            case DESIGN -> DESIGN;
            case SUPPORT -> SUPPORT;
            case EVALUATION -> EVALUATION;
            case CLOSED -> CLOSED_STOPPED;
            case SPREAD -> CLOSED_SPREAD;
            case STOPPED -> CLOSED_UNFUNDED;
        };
    }

    /**
     * A stage asked for by its code (?etape=CLOSED_SPREAD); a French 400 for anything
     * else.
     */
    static Stage parse(String code) {
        return Arrays.stream(values())
            .filter(stage -> stage.name().equals(code))
            .findFirst()
            .orElseThrow(() -> Refusal.invalid("Étape inconnue : « " + code + " ». Étapes possibles : "
                    + String.join(", ", Arrays.stream(values()).map(Stage::name).toList()) + "."));
    }

}
