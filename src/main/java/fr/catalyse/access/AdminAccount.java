package fr.catalyse.access;

import fr.catalyse.platform.ConfigurationProblem;
import fr.catalyse.platform.Seeder;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Creates the operator account on first start, with the configured password. */
@Component
@Order(20)
class AdminAccount implements Seeder {

    private static final String FIRST_NAME = "Opérateur";

    private static final String LAST_NAME = "Catalyse";

    private final AdminProperties properties;

    private final AccessDirectory directory;

    private final IdentityService identity;

    private final Environment environment;

    AdminAccount(AdminProperties properties, AccessDirectory directory, IdentityService identity,
            Environment environment) {
        this.properties = properties;
        this.directory = directory;
        this.identity = identity;
        this.environment = environment;
    }

    @Override
    public void seed() {
        if (directory.accountExists(properties.userId())) {
            return;
        }
        String password = properties.password();
        if (password == null || password.isBlank()) {
            throw new ConfigurationProblem(environment, List.of("CATALYSE_ADMIN_PASSWORD n'est pas défini"));
        }
        User account = identity.newUser(properties.userId());
        account.setFirstName(FIRST_NAME);
        account.setLastName(LAST_NAME);
        PasswordPolicyResult policy = identity.checkPasswordAgainstPolicy(password, account);
        if (!policy.isValid()) {
            throw new ConfigurationProblem(environment, List
                .of("CATALYSE_ADMIN_PASSWORD ne respecte pas la politique de mots de passe "
                        + "(10 caractères au moins, dont une majuscule, une minuscule, un chiffre et un caractère spécial, "
                        + "sans l'identifiant du compte)"));
        }
        directory.ensureAccount(properties.userId(), FIRST_NAME, LAST_NAME, properties.email(), password);
        directory.ensureMembership(properties.userId(), Groups.CAMUNDA_ADMIN);
        directory.ensureMembership(properties.userId(), Role.PROGRAMME_TEAM.groupId());
    }

}
