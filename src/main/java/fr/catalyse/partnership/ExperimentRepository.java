package fr.catalyse.partnership;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExperimentRepository extends JpaRepository<Experiment, Long> {

  Optional<Experiment> findFirstByPartnershipOrderByVersionDesc(Partnership partnership);

  List<Experiment> findByPartnershipOrderByVersion(Partnership partnership);
}
