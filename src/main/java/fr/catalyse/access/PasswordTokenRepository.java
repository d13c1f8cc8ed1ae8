package fr.catalyse.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PasswordTokenRepository extends JpaRepository<PasswordToken, Long> {

    Optional<PasswordToken> findByTokenHash(String tokenHash);

    List<PasswordToken> findByUserIdAndUsedAtIsNull(String userId);

    List<PasswordToken> findByUserIdAndPurposeAndCreatedAtAfter(String userId, String purpose, Instant after);

}
