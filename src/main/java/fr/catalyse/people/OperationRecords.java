package fr.catalyse.people;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The record of the operations on the person's data (exports, deactivations, erasure),
 * theirs or by them.
 */
@Component
class OperationRecords implements PersonalData {

    private final PeopleLedger ledger;

    OperationRecords(PeopleLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<Section> export(Person person) {
        return List.of(new Section("journal-des-operations", ledger.operations(person.userId())
            .stream()
            .map(operation -> DirectoryRecords.row("le", operation.occurredAt(), "operation", operation.operation(),
                    "personne", operation.subject(), "par", operation.actor(), "details", operation.details()))
            .toList()));
    }

    /**
     * The record stays (who did what, when: the programme must be able to show it), under
     * the pseudonym.
     */
    @Override
    public void erase(Person person, String pseudonym) {
        ledger.update("update personal_data_operation set subject_user_id = ? where subject_user_id = ?", pseudonym,
                person.userId());
        ledger.update("update personal_data_operation set actor_user_id = ? where actor_user_id = ?", pseudonym,
                person.userId());
    }

}
