package fr.catalyse.territory;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.modulith.NamedInterface;

@NamedInterface("directory")
public interface ParticipantRepository extends JpaRepository<Participant, Long> {

    Optional<Participant> findByUserId(String userId);

    Optional<Participant> findFirstByEmailIgnoreCase(String email);

    /**
     * The participant, its row locked until the transaction ends: work about one account
     * that must not run twice at once, on any node (e.g. counting then minting its
     * password links).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Participant p where p.userId = :userId")
    Optional<Participant> lockByUserId(@Param("userId") String userId);

    /** Territories that have at least one catalyst, by code. */
    @Query("select distinct t from Participant p join p.territories t where p.role = fr.catalyse.access.Role.CATALYST"
            + " order by t.code")
    List<Territory> territoriesWithCatalysts();

    @Query("select p from Participant p join p.territories t where t.code = :territory and p.role = :role order by p.lastName")
    List<Participant> findByTerritoryAndRole(@Param("territory") String territory,
            @Param("role") fr.catalyse.access.Role role);

}
