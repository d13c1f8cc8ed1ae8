package fr.catalyse.partnership;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SignatureRepository extends JpaRepository<AgreementSignature, Long> {

  List<AgreementSignature> findByExperimentOrderById(Experiment experiment);
}
