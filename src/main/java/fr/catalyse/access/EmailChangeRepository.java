package fr.catalyse.access;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EmailChangeRepository extends JpaRepository<EmailChange, Long> {

    Optional<EmailChange> findByConfirmTokenHash(String tokenHash);

    Optional<EmailChange> findByCancelTokenHash(String tokenHash);

    List<EmailChange> findByUserIdAndStatus(String userId, EmailChange.Status status);

}
