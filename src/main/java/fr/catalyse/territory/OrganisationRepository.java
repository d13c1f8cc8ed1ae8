package fr.catalyse.territory;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganisationRepository extends JpaRepository<Organisation, Long> {

  Optional<Organisation> findByCode(String code);

  List<Organisation> findByTerritoryOrderByName(Territory territory);
}
