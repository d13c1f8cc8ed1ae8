package fr.catalyse.notification;

import fr.catalyse.platform.WithoutAuthorization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.annotation.Lazy;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Who an email goes to, from Camunda's identity service. Looked up without the caller's
 * authorizations: a participant claiming a task may not read other accounts, yet they
 * must be told.
 */
@NamedInterface("emails")
@Component
public class People {

    private final IdentityService identity;

    People(@Lazy IdentityService identity) {
        this.identity = identity;
    }

    /**
     * Those who still have to act on a task: its assignee, else its candidate users and
     * groups.
     */
    public List<Recipient> whoMustAct(DelegateTask task) {
        if (task.getAssignee() != null) {
            return user(task.getAssignee()).map(List::of).orElse(List.of());
        }
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        for (IdentityLink link : task.getCandidates()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getUserId() != null) {
                user(link.getUserId()).ifPresent(recipient -> recipients.putIfAbsent(recipient.userId(), recipient));
            }
            if (link.getGroupId() != null) {
                members(link.getGroupId()).forEach(recipient -> recipients.putIfAbsent(recipient.userId(), recipient));
            }
        }
        return new ArrayList<>(recipients.values());
    }

    public List<Recipient> members(String groupId) {
        return WithoutAuthorization
            .call(() -> identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list())
            .stream()
            .map(People::recipient)
            .toList();
    }

    public Optional<Recipient> user(String userId) {
        return Optional
            .ofNullable(WithoutAuthorization.call(() -> identity.createUserQuery().userId(userId).singleResult()))
            .map(People::recipient);
    }

    private static Recipient recipient(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .trim();
        return new Recipient(user.getId(), user.getEmail(), name.isEmpty() ? user.getId() : name);
    }

}
