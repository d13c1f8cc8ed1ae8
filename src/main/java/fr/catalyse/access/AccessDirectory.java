package fr.catalyse.access;

import java.util.Arrays;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Accounts, groups, tenants and authorizations in Camunda's identity service. Every
 * method creates what is missing and leaves what exists, so it can run again on every
 * start and on every import.
 *
 * <p>
 * Naming scheme: a tenant per territory whose id is the territory code ({@code nantes});
 * a group per role ({@code catalyseurs}), per role and territory
 * ({@code catalyseurs.nantes}) and per organisation ({@code organisation.ville-nantes});
 * the territorial groups, the programme team and the steering committee are members of
 * the tenant.
 */
@NamedInterface("callers")
@Service
public class AccessDirectory {

    private final IdentityService identity;

    private final AuthorizationService authorizations;

    private final AdminProperties admin;

    AccessDirectory(IdentityService identity, AuthorizationService authorizations, AdminProperties admin) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.admin = admin;
    }

    /**
     * Group of an organisation's contacts, to which its tasks are offered, e.g.
     * {@code organisation.ville-nantes}.
     */
    public static String organisationGroup(String organisationCode) {
        return "organisation." + organisationCode;
    }

    /**
     * The tenant of a territory and its role groups, which the whole programme side can
     * see.
     */
    public void ensureTerritory(String code, String name) {
        if (identity.createTenantQuery().tenantId(code).count() == 0) {
            Tenant tenant = identity.newTenant(code);
            tenant.setName(name);
            identity.saveTenant(tenant);
        }
        for (Role role : Role.values()) {
            String member = role.territorial() ? role.groupIn(code) : role.groupId();
            if (role.territorial()) {
                ensureGroup(member, role.label() + " — " + name, "territoire");
            }
            if (identity.createTenantQuery().tenantId(code).groupMember(member).count() == 0) {
                identity.createTenantGroupMembership(code, member);
            }
        }
    }

    public void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    /**
     * Creates the account if it does not exist, else updates its names. The password is
     * only set on creation, so a password changed by its owner survives later imports; an
     * existing account's email address is never changed here, since password links go to
     * it: a new one takes its owner's confirmation ({@link EmailChanges}).
     * @return the account's email address as it stands now
     */
    public String ensureAccount(String userId, String firstName, String lastName, String email,
            String initialPassword) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            user = identity.newUser(userId);
            user.setPassword(initialPassword);
            user.setEmail(email);
        }
        else if (firstName.equals(user.getFirstName()) && lastName.equals(user.getLastName())) {
            return user.getEmail();
        }
        user.setFirstName(firstName);
        user.setLastName(lastName);
        identity.saveUser(user);
        return user.getEmail();
    }

    /**
     * Whether the account is the operator's, or another Camunda administrator's: no
     * import nor any programme role may touch it.
     */
    public boolean isOperator(String userId) {
        return userId.equals(admin.userId()) || isMember(userId, Groups.CAMUNDA_ADMIN);
    }

    public boolean accountExists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }

    /**
     * Runs an action as the user, with their groups and territories, as the REST API
     * authenticates them.
     */
    public <T> T actingAs(String userId, Supplier<T> action) {
        identity.setAuthentication(userId,
                identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
                identity.createTenantQuery()
                    .userMember(userId)
                    .includingGroupsOfUser(true)
                    .list()
                    .stream()
                    .map(Tenant::getId)
                    .toList());
        try {
            return action.get();
        }
        finally {
            identity.clearAuthentication();
        }
    }

    public boolean isMember(String userId, String groupId) {
        return identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
    }

    /**
     * Makes the account a holder of the role, in each given territory for a territorial
     * role.
     */
    public void grantRole(String userId, Role role, Iterable<String> territoryCodes) {
        ensureMembership(userId, role.groupId());
        if (role.territorial()) {
            for (String territory : territoryCodes) {
                ensureMembership(userId, role.groupIn(territory));
            }
        }
    }

    public void ensureMembership(String userId, String groupId) {
        if (!isMember(userId, groupId)) {
            identity.createMembership(userId, groupId);
        }
    }

    /**
     * Grants the group these permissions on the resource, adding to what it already has.
     */
    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = groupsGrant(groupId, resource, resourceId);
        if (authorization.getId() != null && Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
            return;
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }

    /**
     * Grants the group exactly these permissions on the resource, taking back any other
     * it was given before (a database seeded by an earlier version keeps its rows
     * otherwise). Permissions are compared by their bits, so the resource's own enum
     * (e.g. {@code ProcessDefinitionPermissions}) and the older {@link Permissions} may
     * be mixed.
     */
    public void grantOnly(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = groupsGrant(groupId, resource, resourceId);
        if (authorization.getId() != null && grantsExactly(authorization, resource, permissions)) {
            return;
        }
        authorization.setPermissions(permissions);
        authorizations.saveAuthorization(authorization);
    }

    /**
     * The group's grant on the resource, or a new one (not saved yet, no id) when it has
     * none.
     */
    private Authorization groupsGrant(String groupId, Resource resource, String resourceId) {
        Authorization authorization = authorizations.createAuthorizationQuery()
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        return authorization;
    }

    private static boolean grantsExactly(Authorization authorization, Resource resource, Permission[] wanted) {
        int mask = Arrays.stream(wanted).mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
        if (mask != Permissions.ALL.getValue() && authorization.isPermissionGranted(Permissions.ALL)) {
            return false;
        }
        return Arrays.stream(Permissions.values())
            .filter(permission -> permission != Permissions.NONE && permission != Permissions.ALL)
            .filter(permission -> Arrays.asList(permission.getTypes()).contains(resource))
            .allMatch(permission -> authorization
                .isPermissionGranted(permission) == ((mask & permission.getValue()) == permission.getValue()));
    }

}
