package fr.catalyse.territory;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.springframework.modulith.NamedInterface;

/**
 * An organisation of a territory: local authority, association, company, university,
 * funder…
 */
@NamedInterface("directory")
@Entity
public class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private OrganisationKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    private Territory territory;

    protected Organisation() {
    }

    Organisation(String code, String name, OrganisationKind kind, Territory territory) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.territory = territory;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public OrganisationKind getKind() {
        return kind;
    }

    public Territory getTerritory() {
        return territory;
    }

    void update(String name, OrganisationKind kind, Territory territory) {
        this.name = name;
        this.kind = kind;
        this.territory = territory;
    }

}
