package fr.catalyse.observatory;

import fr.catalyse.partnership.JournalKind;
import fr.catalyse.partnership.MatchStatus;
import fr.catalyse.partnership.PartnerStatus;
import fr.catalyse.pathway.CohortStatus;
import fr.catalyse.governance.DialogueStatus;
import fr.catalyse.pathway.FoundationStatus;
import fr.catalyse.pathway.ParticipationStatus;
import fr.catalyse.pathway.SessionStatus;

/**
 * French labels of the statuses the other modules record. The switches are exhaustive on
 * those modules' enums: a status added there fails the build here until it has its label.
 */
final class Labels {

    static final FormOptions KINDS = FormOptions.of("partnership-start", "partnershipKind");
    static final FormOptions OBJECTIVES = FormOptions.of("partnership-start", "objectives");
    static final FormOptions FRAGILITIES = FormOptions.of("partnership-start", "fragilities");
    static final FormOptions APPROACHES = FormOptions.of("partnership-evaluation-decision", "approaches");
    static final FormOptions IMPACT_AXES = FormOptions.of("partnership-partner-evaluation", "impactAxes");

    /** What a journal entry concluded: the options of the forms that write one. */
    static final FormOptions OUTCOMES = FormOptions.of("partnership-validate-stakes", "stakesDecision")
        .and(FormOptions.of("partnership-support-actions", "partnershipHealth"))
        .and(FormOptions.of("partnership-mediation", "mediationOutcome"))
        .and(FormOptions.of("partnership-month36-review", "month36Outlook"));

    private Labels() {
    }

    static String cohort(String status) {
        return switch (CohortStatus.valueOf(status)) {
            case CALL_FOR_APPLICATIONS -> "appel à candidatures";
            case RUNNING -> "parcours en cours";
            case CLOSING -> "socle commun en préparation";
            case PUBLISHED -> "socle commun publié";
            case CLOSED -> "clos";
            case ABANDONED -> "abandonné";
        };
    }

    static String participation(String status) {
        return switch (ParticipationStatus.valueOf(status)) {
            case INVITED -> "invité";
            case APPLIED -> "candidat";
            case NO_APPLICATION -> "pas de candidature";
            case SELECTED -> "retenu";
            case NOT_SELECTED -> "non retenu";
        };
    }

    static String session(String status) {
        return switch (SessionStatus.valueOf(status)) {
            case PLANNED -> "prévue";
            case CONVENED -> "convocations envoyées";
            case HELD -> "tenue";
            case CAPITALISED -> "enseignements capitalisés";
            case CANCELLED -> "annulée";
        };
    }

    static String foundation(String status) {
        return switch (FoundationStatus.valueOf(status)) {
            case IN_REVIEW -> "en relecture par les binômes";
            case SENT_BACK -> "renvoyé pour reprise";
            case VALIDATED -> "validé par le comité";
            case PUBLISHED -> "publié";
        };
    }

    /**
     * A binôme's opinion of the socle commun (form pilot-review-foundation), as a grid
     * cell says it.
     */
    static String foundationOpinion(String opinion) {
        return switch (opinion == null ? "" : opinion) {
            case "approuve" -> "approuvé";
            case "reserves" -> "avec réserves";
            default -> opinion;
        };
    }

    static String dialogue(String status) {
        return switch (DialogueStatus.valueOf(status)) {
            case ACTIVE -> "en cours";
            case CLOSED -> "clos";
        };
    }

    static String partner(String status) {
        return switch (PartnerStatus.valueOf(status)) {
            case CANDIDATE -> "candidat";
            case INVITED -> "invité";
            case PARTNER -> "partenaire";
            case DECLINED -> "a décliné";
            case WITHDRAWN -> "s'est retiré";
        };
    }

    static String match(String status) {
        return switch (MatchStatus.valueOf(status)) {
            case PROPOSED -> "proposée";
            case ACCEPTED -> "acceptée";
            case DECLINED -> "déclinée";
            case EXPIRED -> "expirée";
        };
    }

    static String journal(String kind) {
        return switch (JournalKind.valueOf(kind)) {
            case ACQUAINTANCE_MEETING -> "rencontre d'interconnaissance";
            case STAKES_DECISION -> "décision sur les enjeux partagés";
            case SUPPORT_PLAN -> "plan d'accompagnement";
            case SUPPORT_ACTIONS -> "actions d'accompagnement du mois";
            case STEERING_MEETING -> "comité de pilotage";
            case MEDIATION_REQUESTED -> "médiation demandée";
            case MEDIATION_CONDUCTED -> "médiation conduite";
            case DIALOGUE_STALLED -> "dialogue au point mort";
            case MONTH36_REVIEW -> "bilan à 36 mois";
        };
    }

    /**
     * The evaluation's decision (values of partnership-evaluation-decision.form), as a
     * result.
     */
    static String decision(String decision) {
        if (decision == null) {
            return null;
        }
        return switch (decision) {
            case "arreter" -> "arrêté";
            case "ajuster" -> "ajusté";
            case "poursuivre" -> "poursuivi";
            case "essaimer" -> "essaimé";
            default -> decision;
        };
    }

    /** The funder's decision (values of partnership-funding-decision.form). */
    static String funding(String decision) {
        if (decision == null) {
            return null;
        }
        return switch (decision) {
            case "accorde" -> "accordé";
            case "a-retravailler" -> "à retravailler";
            case "refuse" -> "refusé";
            default -> decision;
        };
    }

}
