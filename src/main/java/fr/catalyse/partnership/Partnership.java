package fr.catalyse.partnership;

import fr.catalyse.territory.Territory;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** A partnership of a territory, from its dialogue to its evaluation. */
@Entity
public class Partnership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Territory territory;

    private String kind;

    @Enumerated(EnumType.STRING)
    private PartnershipStage stage;

    private String objectives;

    private String fragilities;

    private String summary;

    private String territoryAssets;

    private String keyActors;

    private String catalystUserId;

    private String processInstanceId;

    @ManyToOne(fetch = FetchType.LAZY)
    private Partnership spreadFrom;

    private Instant startedAt;

    private Instant stageSince;

    private Instant closedAt;

    protected Partnership() {
    }

    Partnership(String name, Territory territory, String kind, String objectives, String fragilities, String summary,
            String catalystUserId, String processInstanceId, Partnership spreadFrom, Instant now) {
        this.name = name;
        this.territory = territory;
        this.kind = kind;
        this.objectives = objectives;
        this.fragilities = fragilities;
        this.summary = summary;
        this.catalystUserId = catalystUserId;
        this.processInstanceId = processInstanceId;
        this.spreadFrom = spreadFrom;
        this.stage = PartnershipStage.DIALOGUE;
        this.startedAt = now;
        this.stageSince = now;
    }

    void enter(PartnershipStage next, Instant now) {
        stage = next;
        stageSince = now;
        if (next == PartnershipStage.CLOSED || next == PartnershipStage.SPREAD || next == PartnershipStage.STOPPED) {
            closedAt = now;
        }
    }

    void diagnose(String fragilities, String territoryAssets, String keyActors) {
        this.fragilities = fragilities;
        this.territoryAssets = territoryAssets;
        this.keyActors = keyActors;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Territory getTerritory() {
        return territory;
    }

    public String getKind() {
        return kind;
    }

    public PartnershipStage getStage() {
        return stage;
    }

    public String getObjectives() {
        return objectives;
    }

    public String getFragilities() {
        return fragilities;
    }

    public String getTerritoryAssets() {
        return territoryAssets;
    }

    public String getKeyActors() {
        return keyActors;
    }

    public String getCatalystUserId() {
        return catalystUserId;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Partnership getSpreadFrom() {
        return spreadFrom;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getStageSince() {
        return stageSince;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

}
