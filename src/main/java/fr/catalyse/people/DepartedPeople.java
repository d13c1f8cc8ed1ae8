package fr.catalyse.people;

import fr.catalyse.access.SignInRefusal;
import fr.catalyse.notification.SilencedRecipients;
import org.springframework.stereotype.Component;

/**
 * Someone who left may not sign in on any path, and no email reaches them, even one
 * queued before they left (a notice job, a reminder, the weekly digest): it is recorded
 * as withheld. One look-up by primary key per check.
 */
@Component
class DepartedPeople implements SignInRefusal, SilencedRecipients {

    private final PeopleLedger ledger;

    DepartedPeople(PeopleLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public boolean refuses(String userId) {
        return ledger.departed(userId);
    }

    @Override
    public boolean silenced(String userId) {
        return ledger.departed(userId);
    }

}
