package fr.catalyse.forms;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * For the models' expressions: {@code ${values.list(candidateOrganisations)}} turns a list submitted
 * by a form (a JSON variable) into the Java collection a multi-instance activity iterates over.
 */
@Component("values")
public class ListExpressions {

  public List<String> list(Object value) {
    return FormValues.strings(value);
  }
}
