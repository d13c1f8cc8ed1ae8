package fr.catalyse.territory;

import fr.catalyse.access.Role;
import fr.catalyse.forms.ChoiceSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * {@code territoryOptions} of the start forms: the territories a person may start a
 * process for, by name. A catalyst acts for the territories of their catalyst groups; the
 * programme team and the operator for all of them.
 */
@Component
class TerritoryChoices implements ChoiceSource {

    private final TerritoryRepository territories;

    TerritoryChoices(TerritoryRepository territories) {
        this.territories = territories;
    }

    @Override
    public String optionsKey() {
        return "territoryOptions";
    }

    @Override
    public Map<String, String> offeredTo(List<String> groupIds) {
        boolean everywhere = groupIds == null || groupIds.contains(Role.PROGRAMME_TEAM.groupId())
                || groupIds.contains(Groups.CAMUNDA_ADMIN);
        Map<String, String> options = new LinkedHashMap<>();
        for (Territory territory : territories.findAll(Sort.by("name"))) {
            if (everywhere || groupIds.contains(Role.CATALYST.groupIn(territory.getCode()))) {
                options.put(territory.getCode(), territory.getName());
            }
        }
        return options;
    }

}
