package fr.catalyse.notification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRecordRepository extends JpaRepository<NotificationRecord, Long> {

  Optional<NotificationRecord> findByIdempotencyKey(String idempotencyKey);

  List<NotificationRecord> findByRecipientUserOrderByCreatedAt(String recipientUser);

  List<NotificationRecord> findByProcessInstanceIdOrderByCreatedAt(String processInstanceId);
}
