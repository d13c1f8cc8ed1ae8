package fr.catalyse.partnership;

import fr.catalyse.territory.Organisation;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Something that happened in a partnership: a meeting, support actions, a mediation, a
 * review, an alert.
 */
@Entity
@Table(name = "partnership_journal")
class JournalEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Partnership partnership;

    @Enumerated(EnumType.STRING)
    private JournalKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    private Organisation organisation;

    private LocalDate occurredOn;

    private String content;

    private String outcome;

    private Instant recordedAt;

    protected JournalEntry() {
    }

    JournalEntry(Partnership partnership, JournalKind kind, Organisation organisation, LocalDate occurredOn,
            String content, String outcome, Instant now) {
        this.partnership = partnership;
        this.kind = kind;
        this.organisation = organisation;
        this.occurredOn = occurredOn;
        this.content = content;
        this.outcome = outcome;
        this.recordedAt = now;
    }

    public JournalKind getKind() {
        return kind;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public String getContent() {
        return content;
    }

    public String getOutcome() {
        return outcome;
    }

}
