package fr.catalyse.partnership;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SignatureRepository extends JpaRepository<AgreementSignature, Long> {
}
