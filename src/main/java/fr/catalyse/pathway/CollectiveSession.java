package fr.catalyse.pathway;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A collective session of a cohort (S1, S2, W, S3, S4): its date, place, attendance and
 * minutes.
 */
@Entity
@Table(name = "collective_session")
class CollectiveSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Cohort cohort;

    private String code;

    private int position;

    private String title;

    private LocalDate plannedDate;

    private String place;

    private String agenda;

    private LocalDate heldOn;

    private String attendance;

    private String minutes;

    private String lessons;

    @Enumerated(EnumType.STRING)
    private SessionStatus status;

    private int calendarSequence;

    protected CollectiveSession() {
    }

    CollectiveSession(Cohort cohort, String code, int position, String title, LocalDate plannedDate) {
        this.cohort = cohort;
        this.code = code;
        this.position = position;
        this.title = title;
        this.plannedDate = plannedDate;
        this.status = SessionStatus.PLANNED;
    }

    void prepare(String place, String agenda) {
        this.place = place;
        this.agenda = agenda;
        this.status = SessionStatus.CONVENED;
    }

    /** A new date; the invitations already sent are updated (same UID, next SEQUENCE). */
    void reschedule(LocalDate date) {
        this.plannedDate = date;
        if (status == SessionStatus.CONVENED) {
            calendarSequence++;
        }
    }

    void cancel() {
        status = SessionStatus.CANCELLED;
        calendarSequence++;
    }

    void hold(LocalDate heldOn, String attendance, String minutes) {
        this.heldOn = heldOn;
        this.attendance = attendance;
        this.minutes = minutes;
        this.status = SessionStatus.HELD;
    }

    void capitalise(String lessons) {
        this.lessons = lessons;
        this.status = SessionStatus.CAPITALISED;
    }

    public Long getId() {
        return id;
    }

    public Cohort getCohort() {
        return cohort;
    }

    public String getCode() {
        return code;
    }

    public int getPosition() {
        return position;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getPlannedDate() {
        return plannedDate;
    }

    public String getPlace() {
        return place;
    }

    public String getAgenda() {
        return agenda;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public String getAttendance() {
        return attendance;
    }

    public String getMinutes() {
        return minutes;
    }

    public String getLessons() {
        return lessons;
    }

    public SessionStatus getStatus() {
        return status;
    }

    public int getCalendarSequence() {
        return calendarSequence;
    }

}
