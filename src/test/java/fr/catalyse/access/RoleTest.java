package fr.catalyse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoleTest {

    @ParameterizedTest
    @CsvSource({ "catalyseur,CATALYST", "Catalyseurs,CATALYST", "collectivité,LOCAL_AUTHORITY",
            "Association,ASSOCIATION", "entreprise,COMPANY", "Université,UNIVERSITY", "financeur,FUNDER",
            "programme,PROGRAMME_TEAM", "Équipe programme,PROGRAMME_TEAM", "comité,STEERING_COMMITTEE",
            "Comité d'orientation,STEERING_COMMITTEE" })
    void readsRolesAsPeopleWriteThem(String written, Role role) {
        assertThat(Role.parse(written)).contains(role);
    }

    @Test
    void unknownOrEmptyRolesAreNotGuessed() {
        assertThat(Role.parse("c")).isEmpty();
        assertThat(Role.parse("")).isEmpty();
        assertThat(Role.parse(null)).isEmpty();
    }

    @Test
    void territorialGroupsFollowTheNamingScheme() {
        assertThat(Role.CATALYST.groupIn("nantes")).isEqualTo("catalyseurs.nantes");
        assertThat(Role.FUNDER.groupIn("pays-basque")).isEqualTo("financeurs.pays-basque");
        assertThatThrownBy(() -> Role.PROGRAMME_TEAM.groupIn("nantes")).isInstanceOf(IllegalArgumentException.class);
    }

}
