package fr.catalyse.people;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one class that writes the engine's tables by SQL (an engine internal, listed in
 * docs/engine-internals.md): the engine's API has no operation that renames a user id in
 * its identity, runtime and history tables. The account keeps a row under the pseudonym
 * (history and counts still resolve an assignee), without names, address or password;
 * then every text column of every {@code ACT_} table (identity links, assignees and
 * owners, start users, the operation log, authorizations, comments, variables, job
 * configurations, business keys…) and the binary values holding text (long variables,
 * JSON, comments) have the user id, the name and the address replaced. Runs after the
 * deactivation, which removed the memberships that reference the account.
 */
@Component
class EngineIdentifiers {

    private final JdbcTemplate jdbc;

    private final TextSweep sweep;

    EngineIdentifiers(JdbcTemplate jdbc, TextSweep sweep) {
        this.jdbc = jdbc;
        this.sweep = sweep;
    }

    void replace(PersonalData.Person person, String pseudonym) {
        jdbc.update("delete from ACT_ID_INFO where USER_ID_ = ?", person.userId());
        jdbc.update("delete from ACT_ID_MEMBERSHIP where USER_ID_ = ?", person.userId());
        jdbc.update("delete from ACT_ID_TENANT_MEMBER where USER_ID_ = ?", person.userId());
        jdbc.update(
                "update ACT_ID_USER set ID_ = ?, FIRST_ = ?, LAST_ = ?, EMAIL_ = null, PWD_ = null, SALT_ = null, "
                        + "LOCK_EXP_TIME_ = null, ATTEMPTS_ = 0 where ID_ = ?",
                pseudonym, "Personne", "effacée", person.userId());
        List<TextSweep.Needle> needles = PersonalDataErasure.needles(person, pseudonym);
        sweep.sweep(sweep.textColumns(true), needles);
        sweep.sweepBytes("ACT_GE_BYTEARRAY", "ID_", "BYTES_", needles);
        sweep.sweepBytes("ACT_HI_COMMENT", "ID_", "FULL_MSG_", needles);
    }

}
