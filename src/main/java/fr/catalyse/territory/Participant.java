package fr.catalyse.territory;

import fr.catalyse.access.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/** A person taking part in the programme; {@link #getUserId()} is their Camunda login. */
@NamedInterface("directory")
@Entity
public class Participant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String userId;

    private String firstName;

    private String lastName;

    private String email;

    @Enumerated(EnumType.STRING)
    private Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    private Organisation organisation;

    @ManyToMany
    @JoinTable(name = "participant_territory", inverseJoinColumns = @JoinColumn(name = "territory_id"))
    private Set<Territory> territories = new LinkedHashSet<>();

    protected Participant() {
    }

    Participant(String userId) {
        this.userId = userId;
    }

    public Long getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getEmail() {
        return email;
    }

    public Role getRole() {
        return role;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public Set<Territory> getTerritories() {
        return territories;
    }

    /**
     * The account's address changed (confirmed by its owner, or by the operator): the
     * record follows.
     */
    void changeEmail(String email) {
        this.email = email;
    }

    void update(String firstName, String lastName, String email, Role role, Organisation organisation) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.role = role;
        this.organisation = organisation;
    }

}
