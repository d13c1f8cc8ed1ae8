package fr.catalyse.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.modulith.NamedInterface;

@NamedInterface("records")
public interface NotificationRecordRepository extends JpaRepository<NotificationRecord, Long> {

    /**
     * Read twice per email: JPQL, which Hibernate translates once, not a derived query
     * translated on every call.
     */
    @Query("select n from NotificationRecord n where n.idempotencyKey = ?1")
    Optional<NotificationRecord> findByIdempotencyKey(String idempotencyKey);

    List<NotificationRecord> findByRecipientUserOrderByCreatedAt(String recipientUser);

    List<NotificationRecord> findByProcessInstanceIdOrderByCreatedAt(String processInstanceId);

    List<NotificationRecord> findByRecipientUserAndStatusOrderByCreatedAt(String recipientUser,
            NotificationStatus status);

    /** The record the programme team browses; every criterion is optional. */
    @Query("""
            select n from NotificationRecord n
            where (:territory is null or n.territory = :territory)
              and (cast(:since as timestamp) is null or n.createdAt >= :since)
              and (cast(:until as timestamp) is null or n.createdAt < :until)
              and (:status is null or n.status = :status)
              and (:recipient is null or n.recipientUser = :recipient)
            order by n.createdAt desc, n.id desc""")
    List<NotificationRecord> search(@Param("territory") String territory, @Param("since") Instant since,
            @Param("until") Instant until, @Param("status") NotificationStatus status,
            @Param("recipient") String recipient, Pageable page);

}
