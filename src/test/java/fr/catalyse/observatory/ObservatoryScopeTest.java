package fr.catalyse.observatory;

import fr.catalyse.platform.Refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

class ObservatoryScopeTest {

    @Test
    void theProgrammeTeamTheCommitteeAndTheOperatorSeeEveryTerritory() {
        for (String group : List.of("programme", "comite-orientation", "camunda-admin")) {
            ObservatoryScope scope = ObservatoryScope.of(new Authentication("someone", List.of(group), List.of()));
            assertThat(scope.everyTerritory()).as(group).isTrue();
            assertThat(scope.sees("nantes")).isTrue();
            assertThat(scope.condition("t.code")).isEqualTo("1 = 1");
        }
    }

    @Test
    void aCatalystSeesTheTerritoriesWhereTheyAreACatalystAndBelongToTheTenant() {
        ObservatoryScope scope = ObservatoryScope.of(new Authentication("claire",
                List.of("catalyseurs", "catalyseurs.nantes", "catalyseurs.rennes", "associations.figeac"),
                List.of("nantes", "figeac")));
        assertThat(scope.everyTerritory()).isFalse();
        assertThat(scope.territories()).containsExactly("nantes");
        assertThat(scope.sees("figeac")).as("an association's territory, not a catalyst's").isFalse();
        assertThat(scope.sees("rennes")).as("a group without the tenant").isFalse();
        assertThat(scope.condition("t.code")).isEqualTo("t.code in (:scopeTerritories)");
        assertThatThrownBy(() -> scope.require("figeac", "ce partenariat")).isInstanceOf(Refusal.class)
            .hasMessage("Accès refusé : ce partenariat appartient à un territoire dont vous n'êtes pas catalyseur.")
            .extracting(refusal -> ((Refusal) refusal).status())
            .isEqualTo(403);
    }

    @Test
    void otherParticipantsAreRefusedInFrenchAndAnonymousCallersAskedToSignIn() {
        assertThatThrownBy(() -> ObservatoryScope
            .of(new Authentication("lucas", List.of("associations", "associations.nantes"), List.of("nantes"))))
            .isInstanceOf(Refusal.class)
            .hasMessageStartingWith("Accès refusé : l'Observatoire est réservé")
            .extracting(refusal -> ((Refusal) refusal).status())
            .isEqualTo(403);
        assertThatThrownBy(() -> ObservatoryScope.of(null)).isInstanceOf(Refusal.class)
            .extracting(refusal -> ((Refusal) refusal).status())
            .isEqualTo(401);
    }

}
