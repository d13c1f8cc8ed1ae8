package fr.catalyse.forms;

import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * Options that a start form offers from a variable ({@code valuesKey}) which no process
 * instance holds yet, because they depend on who opens the form. {@link StartFormChoices}
 * hands them to it.
 */
@NamedInterface("choices")
public interface ChoiceSource {

    /**
     * The variable the forms name in {@code valuesKey}, e.g. {@code territoryOptions}.
     */
    String optionsKey();

    /**
     * What a person may choose, value to label, in the order shown.
     * @param groupIds the groups of the person opening the form; {@code null} for the
     * engine itself (a process that a model starts), to which every value is open
     */
    Map<String, String> offeredTo(List<String> groupIds);

}
