package fr.catalyse.partnership;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MeasurementRepository extends JpaRepository<Measurement, Long> {

    List<Measurement> findByIndicatorExperimentPartnershipOrderById(Partnership partnership);

}
