package fr.catalyse.people;

import fr.catalyse.platform.EngineClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This module's tables: departures, the places a person left, and the record of
 * operations on personal data.
 */
@Component
class PeopleLedger {

    static final String GROUP = "GROUP";
    static final String TENANT = "TENANT";

    private final JdbcTemplate jdbc;

    PeopleLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A person who left: since when, who said so, and from when they may be erased. */
    record Departure(String userId, Instant deactivatedAt, String deactivatedBy, String reason, String successor,
            Instant eraseAfter, Instant erasedAt) {
    }

    /** One line of the record of processing: who did what to whose data, and when. */
    record Operation(long id, String operation, String subject, String actor, Instant occurredAt, String details) {
    }

    /** A group or tenant the person was a member of when they left. */
    record Place(String kind, String id) {
    }

    boolean departed(String userId) {
        Integer count = jdbc.queryForObject("select count(*) from person_departure where user_id = ?", Integer.class,
                userId);
        return count != null && count > 0;
    }

    Optional<Departure> departure(String userId) {
        return jdbc.query("select * from person_departure where user_id = ?", (row, index) -> departure(row), userId)
            .stream()
            .findFirst();
    }

    List<Departure> departures() {
        return jdbc.query("select * from person_departure order by deactivated_at desc, user_id",
                (row, index) -> departure(row));
    }

    void depart(String userId, String by, String reason, String successor, Instant eraseAfter, List<Place> places) {
        jdbc.update(
                "insert into person_departure (user_id, deactivated_at, deactivated_by, reason, successor, erase_after) "
                        + "values (?, ?, ?, ?, ?, ?)",
                userId, timestamp(EngineClock.now()), by, reason, successor, timestamp(eraseAfter));
        for (Place place : places) {
            jdbc.update("insert into person_former_place (user_id, kind, place_id) values (?, ?, ?)", userId,
                    place.kind(), place.id());
        }
    }

    List<Place> formerPlaces(String userId) {
        return jdbc.query("select kind, place_id from person_former_place where user_id = ? order by id",
                (row, index) -> new Place(row.getString("kind"), row.getString("place_id")), userId);
    }

    void returned(String userId) {
        jdbc.update("delete from person_former_place where user_id = ?", userId);
        jdbc.update("delete from person_departure where user_id = ?", userId);
    }

    void log(String operation, String subject, String actor, String details) {
        jdbc.update(
                "insert into personal_data_operation (operation, subject_user_id, actor_user_id, occurred_at, details) "
                        + "values (?, ?, ?, ?, ?)",
                operation, subject, actor, timestamp(EngineClock.now()),
                details == null || details.length() <= 2000 ? details : details.substring(0, 2000));
    }

    List<Operation> operations(String subject) {
        return jdbc.query(
                "select * from personal_data_operation where subject_user_id = ? or actor_user_id = ? order by id",
                (row, index) -> operation(row), subject, subject);
    }

    List<Operation> operations(int limit) {
        return jdbc.query("select * from personal_data_operation order by id desc", (row, index) -> operation(row))
            .stream()
            .limit(limit)
            .toList();
    }

    List<Map<String, Object>> rows(String sql, Object... arguments) {
        return jdbc.queryForList(sql, arguments);
    }

    int update(String sql, Object... arguments) {
        return jdbc.update(sql, arguments);
    }

    private static Departure departure(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Departure(row.getString("user_id"), instant(row.getTimestamp("deactivated_at")),
                row.getString("deactivated_by"), row.getString("reason"), row.getString("successor"),
                instant(row.getTimestamp("erase_after")), instant(row.getTimestamp("erased_at")));
    }

    private static Operation operation(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Operation(row.getLong("id"), row.getString("operation"), row.getString("subject_user_id"),
                row.getString("actor_user_id"), instant(row.getTimestamp("occurred_at")), row.getString("details"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
