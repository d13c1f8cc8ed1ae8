package fr.catalyse.observatory;

import fr.catalyse.platform.Refusal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The observatory's endpoints, the same for both transports (the Cockpit plugin resource
 * and /api/observatoire): each takes the engine's authentication of the request, decides
 * the scope, reads, and answers JSON, or the CSV or XLSX export of the page's table
 * ({@code format=csv|xlsx}), or a refusal as French JSON {type, message}. The transports
 * only translate an {@link Answer} into their response.
 */
@Component
class ObservatoryEndpoints {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CohortGrid cohorts;

    private final PartnershipBoard partnerships;

    private final GovernanceBoard governance;

    private final Indicators indicators;

    private final PartnershipDossier dossiers;

    ObservatoryEndpoints(CohortGrid cohorts, PartnershipBoard partnerships, GovernanceBoard governance,
            Indicators indicators, PartnershipDossier dossiers) {
        this.cohorts = cohorts;
        this.partnerships = partnerships;
        this.governance = governance;
        this.indicators = indicators;
        this.dossiers = dossiers;
    }

    /** GET cohortes */
    @Transactional(readOnly = true)
    public Answer cohorts(Authentication caller, String format) {
        return answer(() -> json(format, cohorts.cohorts(ObservatoryScope.of(caller))));
    }

    /** GET cohortes/{id} */
    @Transactional(readOnly = true)
    public Answer cohort(Authentication caller, String id, String format) {
        return answer(() -> {
            ObservatoryScope scope = ObservatoryScope.of(caller);
            long cohortId;
            try {
                cohortId = Long.parseLong(id);
            }
            catch (NumberFormatException notANumber) {
                throw Refusal.notFound("Cohorte inconnue : « " + id + " ».");
            }
            return table(format, cohorts.grid(scope, cohortId), CohortGrid::table);
        });
    }

    /**
     * GET partenariats?territoire=&etape=&type=&tri=&ordre=asc|desc&page=&taille= : one
     * page of the list (JSON), or every partnership that passes the filters
     * (format=csv|xlsx), in the same order.
     */
    @Transactional(readOnly = true)
    public Answer partnerships(Authentication caller, String territory, String stage, String kind, String sort,
            String order, String page, String size, String format) {
        return answer(() -> {
            ObservatoryScope scope = ObservatoryScope.of(caller);
            PartnershipBoard.Filters filters = new PartnershipBoard.Filters(blankToNull(territory), blankToNull(stage),
                    blankToNull(kind));
            PartnershipBoard.Listing listing = new PartnershipBoard.Listing(blankToNull(sort), descending(order),
                    number(page, "Numéro de page", 1),
                    blankToNull(size) == null ? null : number(size, "Taille de page", 0));
            String chosen = blankToNull(format);
            if (chosen == null || "json".equals(chosen)) {
                return ok(partnerships.board(scope, filters, listing));
            }
            return table(chosen, partnerships.everyItem(scope, filters, listing), PartnershipBoard::table);
        });
    }

    private static boolean descending(String order) {
        String chosen = blankToNull(order);
        if (chosen == null || "asc".equals(chosen)) {
            return false;
        }
        if ("desc".equals(chosen)) {
            return true;
        }
        throw Refusal
            .invalid("Ordre inconnu : « " + chosen + " ». Ordres possibles : asc (croissant), desc (décroissant).");
    }

    private static int number(String text, String what, int absent) {
        String chosen = blankToNull(text);
        if (chosen == null) {
            return absent;
        }
        try {
            return Integer.parseInt(chosen);
        }
        catch (NumberFormatException notANumber) {
            throw Refusal.invalid(what + " impossible : « " + chosen + " » n'est pas un nombre entier.");
        }
    }

    /** GET dialogues */
    @Transactional(readOnly = true)
    public Answer dialogues(Authentication caller, String format) {
        return answer(() -> table(format, governance.dialogues(ObservatoryScope.of(caller)), GovernanceBoard::table));
    }

    /** GET indicateurs */
    @Transactional(readOnly = true)
    public Answer indicators(Authentication caller, String format) {
        return answer(() -> json(format, Map.of("indicators", indicators.indicators(ObservatoryScope.of(caller)))));
    }

    /** GET dossier/{processInstanceId} */
    @Transactional(readOnly = true)
    public Answer dossier(Authentication caller, String processInstanceId, String format) {
        return answer(() -> json(format, dossiers.dossier(ObservatoryScope.of(caller), processInstanceId)));
    }

    /** A page without an export: JSON only. */
    private static Answer json(String format, Object body) {
        if (blankToNull(format) != null && !"json".equals(format)) {
            throw Refusal
                .invalid("Cette page ne s'exporte pas : les exports (format=csv ou format=xlsx) sont ceux de la grille "
                        + "d'une cohorte, de la liste des partenariats et des dialogues de gouvernance.");
        }
        return ok(body);
    }

    private static <T> Answer table(String format, T page, Function<T, Table> table) {
        String chosen = blankToNull(format);
        if (chosen == null || "json".equals(chosen)) {
            return ok(page);
        }
        return switch (chosen) {
            case "csv" -> {
                Table exported = table.apply(page);
                yield new Answer(200, Exports.CSV_TYPE, exported.file() + ".csv", Exports.csv(exported));
            }
            case "xlsx" -> {
                Table exported = table.apply(page);
                yield new Answer(200, Exports.XLSX_TYPE, exported.file() + ".xlsx", Exports.xlsx(exported));
            }
            default -> throw Refusal
                .invalid("Format inconnu : « " + chosen + " ». Formats possibles : csv, xlsx (ou rien pour JSON).");
        };
    }

    private static Answer ok(Object body) {
        return new Answer(200, Answer.JSON, null, bytes(body));
    }

    private static Answer answer(Supplier<Answer> work) {
        try {
            return work.get();
        }
        catch (Refusal refusal) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("type", refusal.type());
            body.put("message", refusal.getMessage());
            return new Answer(refusal.status(), Answer.JSON, null, bytes(body));
        }
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        }
        catch (JsonProcessingException unwritable) {
            throw new IllegalStateException(unwritable);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

}
