package fr.catalyse.forms;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * For the models' expressions: {@code ${formLists.list(candidateOrganisations)}} turns a
 * list submitted by a form (a JSON variable) into the Java collection a multi-instance
 * activity iterates over.
 */
@Component
public class FormLists {

    public List<String> list(Object value) {
        return FormValues.strings(value);
    }

}
