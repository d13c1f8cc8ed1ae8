package fr.catalyse.pathway;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.modulith.NamedInterface;

/** A cohort of territories going through the nine-month pilot pathway together. */
@NamedInterface("cohorts")
@Entity
public class Cohort {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private LocalDate startDate;

    private int targetTerritories;

    private LocalDate applicationDeadline;

    @Enumerated(EnumType.STRING)
    private CohortStatus status;

    private String processInstanceId;

    private Instant createdAt;

    private Instant closedAt;

    protected Cohort() {
    }

    Cohort(String name, LocalDate startDate, int targetTerritories, LocalDate applicationDeadline,
            String processInstanceId, Instant createdAt) {
        this.name = name;
        this.startDate = startDate;
        this.targetTerritories = targetTerritories;
        this.applicationDeadline = applicationDeadline;
        this.processInstanceId = processInstanceId;
        this.createdAt = createdAt;
        this.status = CohortStatus.CALL_FOR_APPLICATIONS;
    }

    void become(CohortStatus next, Instant now) {
        status = next;
        if (next == CohortStatus.CLOSED || next == CohortStatus.ABANDONED) {
            closedAt = now;
        }
    }

    void extendCall(LocalDate deadline) {
        applicationDeadline = deadline;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public int getTargetTerritories() {
        return targetTerritories;
    }

    public LocalDate getApplicationDeadline() {
        return applicationDeadline;
    }

    public CohortStatus getStatus() {
        return status;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

}
