package fr.catalyse.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationPreferenceRepository extends JpaRepository<NotificationPreference, NotificationPreference.Key> {

    List<NotificationPreference> findByUserId(String userId);

    List<NotificationPreference> findByMode(DeliveryMode mode);

}
