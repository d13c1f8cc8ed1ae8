package fr.catalyse.territory;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.modulith.NamedInterface;

@NamedInterface("directory")
public interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    // Written as JPQL: Hibernate caches the translation of a query string, not of a
    // derived (criteria) query,
    // and these run on every task of the process.
    @Query("select o from Organisation o where o.code = ?1")
    Optional<Organisation> findByCode(String code);

    List<Organisation> findByTerritoryOrderByName(Territory territory);

}
