package fr.catalyse.people;

import fr.catalyse.platform.EngineClock;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Erasure (GDPR article 17) of a person who left, once the retention period is over:
 * their user id, names and address are replaced by a pseudonym everywhere (every
 * {@link PersonalData}, the engine's tables, then every text column of our tables as a
 * safety net). Counts, history and the Observatory's figures stay as they were: the
 * pseudonym takes the user id's place. One transaction: an erasure that fails changes
 * nothing.
 */
@Service
class PersonalDataErasure {

    static final String ERASURE = "EFFACEMENT";
    static final String PSEUDONYM_PREFIX = "efface-";

    private final PeopleLedger ledger;

    private final PersonalDataExport exports;

    private final List<PersonalData> sources;

    private final TextSweep sweep;

    private final SecureRandom random = new SecureRandom();

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PersonalDataErasure.class);

    PersonalDataErasure(PeopleLedger ledger, PersonalDataExport exports, List<PersonalData> sources, TextSweep sweep) {
        this.ledger = ledger;
        this.exports = exports;
        this.sources = sources;
        this.sweep = sweep;
    }

    /**
     * What is looked for: the user id as a word, the address, the name in both orders.
     */
    static List<TextSweep.Needle> needles(PersonalData.Person person, String pseudonym) {
        List<TextSweep.Needle> needles = new ArrayList<>();
        if (person.email() != null && !person.email().isBlank()) {
            needles.add(TextSweep.Needle.text(person.email(), pseudonym + "@efface.invalid"));
        }
        if (person.firstName() != null && person.lastName() != null) {
            needles.add(TextSweep.Needle.text(person.firstName() + " " + person.lastName(),
                    "Personne effacée (" + pseudonym + ")"));
            needles.add(TextSweep.Needle.text(person.lastName() + " " + person.firstName(),
                    "Personne effacée (" + pseudonym + ")"));
        }
        needles.add(TextSweep.Needle.word(person.userId(), pseudonym));
        return needles;
    }

    /**
     * @return the pseudonym that replaced the user id
     */
    @Transactional
    String erase(String userId, String actor) {
        PeopleLedger.Departure departure = ledger.departure(userId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                    "Seule une personne désactivée peut être effacée."));
        if (departure.eraseAfter().isAfter(EngineClock.now())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "La durée de conservation court jusqu'au "
                            + departure.eraseAfter().atZone(PeopleSettings.PROGRAMME_ZONE).toLocalDate()
                            + " : l'effacement n'est possible qu'après.");
        }
        long started = System.nanoTime();
        PersonalData.Person person = exports.person(userId);
        String pseudonym = PSEUDONYM_PREFIX + HexFormat.of().formatHex(bytes());
        for (PersonalData source : sources) {
            source.erase(person, pseudonym);
        }
        ledger.update("update participant set user_id = ?, first_name = ?, last_name = ?, email = ? where user_id = ?",
                pseudonym, "Personne", "effacée", pseudonym + "@efface.invalid", userId);
        ledger.update("delete from password_token where user_id = ?", userId);
        ledger.update("delete from email_change where user_id = ?", userId);
        ledger.update("delete from person_former_place where user_id = ?", userId);
        ledger.update("update person_departure set user_id = ?, reason = null, erased_at = ? where user_id = ?",
                pseudonym, Timestamp.from(EngineClock.now()), userId);
        // The safety net: whatever module wrote the person's id, name or address into a
        // text column of ours.
        int swept = sweep.sweep(sweep.textColumns(false), needles(person, pseudonym));
        log.info(
                "Personne effacée sous le pseudonyme {} en {} ms ({} valeur(s) de nos tables réécrite(s) par le balayage)",
                pseudonym, (System.nanoTime() - started) / 1_000_000, swept);
        ledger.log(ERASURE, pseudonym, actor, "Effacement après la durée de conservation (départ le "
                + departure.deactivatedAt().atZone(PeopleSettings.PROGRAMME_ZONE).toLocalDate() + ")");
        return pseudonym;
    }

    private byte[] bytes() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Departed people whose retention period is over, not erased yet. */
    List<Map<String, Object>> due() {
        return ledger.rows("select user_id, deactivated_at, erase_after from person_departure where erased_at is null "
                + "and erase_after <= ? order by erase_after", Timestamp.from(EngineClock.now()));
    }

}
