package fr.catalyse.territory;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.springframework.modulith.NamedInterface;

/**
 * A territory taking part in the programme: commune, intercommunalité, département,
 * région…
 */
@NamedInterface("directory")
@Entity
public class Territory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    protected Territory() {
    }

    Territory(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    /** Short identifier, also the territory's Camunda tenant id (e.g. {@code nantes}). */
    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    void rename(String name) {
        this.name = name;
    }

}
