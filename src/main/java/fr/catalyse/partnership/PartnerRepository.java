package fr.catalyse.partnership;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PartnerRepository extends JpaRepository<Partner, Long> {

  List<Partner> findByPartnershipOrderById(Partnership partnership);

  Optional<Partner> findByPartnershipAndOrganisationCode(Partnership partnership, String organisationCode);
}
