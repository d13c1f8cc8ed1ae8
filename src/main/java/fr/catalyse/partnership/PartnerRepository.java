package fr.catalyse.partnership;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PartnerRepository extends JpaRepository<Partner, Long> {

    // Written as JPQL: Hibernate caches the translation of a query string, not of a
    // derived (criteria) query,
    // and these run on every task of the process.
    @Query("select p from Partner p where p.partnership = ?1 order by p.id")
    List<Partner> findByPartnershipOrderById(Partnership partnership);

    @Query("select p from Partner p where p.partnership = ?1 and p.organisation.code = ?2")
    Optional<Partner> findByPartnershipAndOrganisationCode(Partnership partnership, String organisationCode);

}
