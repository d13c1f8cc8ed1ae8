package fr.catalyse.observatory;

import fr.catalyse.platform.Refusal;
import fr.catalyse.access.Role;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Which territories a caller sees in the observatory, decided here and only here, from
 * the engine's authentication of the request (the webapps' session in Cockpit and
 * Tasklist, HTTP Basic on /api): the programme team, the steering committee and the
 * operator see every territory; a catalyst sees the territories where they are a catalyst
 * and whose tenant they belong to; anyone else is refused.
 */
final class ObservatoryScope {

    private final boolean everyTerritory;

    private final Set<String> territories;

    private ObservatoryScope(boolean everyTerritory, Set<String> territories) {
        this.everyTerritory = everyTerritory;
        this.territories = territories;
    }

    static ObservatoryScope of(Authentication caller) {
        if (caller == null || caller.getUserId() == null) {
            throw Refusal.unauthenticated("l'Observatoire");
        }
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        if (groups.contains(Role.PROGRAMME_TEAM.groupId()) || groups.contains(Role.STEERING_COMMITTEE.groupId())
                || groups.contains(Groups.CAMUNDA_ADMIN)) {
            return new ObservatoryScope(true, Set.of());
        }
        if (groups.contains(Role.CATALYST.groupId())) {
            Collection<String> tenants = caller.getTenantIds() == null ? List.of() : caller.getTenantIds();
            String prefix = Role.CATALYST.groupId() + ".";
            Set<String> codes = new TreeSet<>();
            groups.stream()
                .filter(group -> group.startsWith(prefix))
                .map(group -> group.substring(prefix.length()))
                .filter(tenants::contains)
                .forEach(codes::add);
            return new ObservatoryScope(false, Set.copyOf(codes));
        }
        throw Refusal
            .forbidden("Accès refusé : l'Observatoire est réservé à l'équipe programme, au comité d'orientation "
                    + "et aux catalyseurs, pour leurs propres territoires.");
    }

    boolean everyTerritory() {
        return everyTerritory;
    }

    /**
     * The territory codes a catalyst sees (empty when every territory is seen: check
     * {@link #everyTerritory()}).
     */
    Set<String> territories() {
        return territories;
    }

    boolean sees(String territoryCode) {
        return everyTerritory || territories.contains(territoryCode);
    }

    /** Refuses, in French, what belongs to a territory outside the caller's. */
    void require(String territoryCode, String what) {
        if (!sees(territoryCode)) {
            throw Refusal
                .forbidden("Accès refusé : " + what + " appartient à un territoire dont vous n'êtes pas catalyseur.");
        }
    }

    /**
     * A SQL condition on a territory code column, with its parameter
     * {@code :scopeTerritories} (bound by {@link #bind}): always true for the programme,
     * the caller's territories for a catalyst.
     */
    String condition(String codeColumn) {
        return everyTerritory ? "1 = 1" : codeColumn + " in (:scopeTerritories)";
    }

    MapSqlParameterSource bind(MapSqlParameterSource parameters) {
        // An empty IN list is invalid SQL; a code no territory has matches nothing.
        return parameters.addValue("scopeTerritories",
                territories.isEmpty() ? List.of("\u0000") : List.copyOf(territories));
    }

}
