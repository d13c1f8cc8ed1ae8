package fr.catalyse.partnership;

import org.springframework.data.jpa.repository.JpaRepository;

interface SignatureRepository extends JpaRepository<AgreementSignature, Long> {

}
