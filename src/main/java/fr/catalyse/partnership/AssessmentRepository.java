package fr.catalyse.partnership;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AssessmentRepository extends JpaRepository<PartnerAssessment, Long> {

  List<PartnerAssessment> findByPartnershipAndRound(Partnership partnership, int round);
}
