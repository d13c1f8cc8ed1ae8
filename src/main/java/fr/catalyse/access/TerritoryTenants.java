package fr.catalyse.access;

import fr.catalyse.platform.ProcessVariables;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * A process instance started for a territory (variable
 * {@value ProcessVariables#TERRITORY}) belongs to that territory's tenant; a sub-process
 * without that variable stays in its caller's tenant; programme-wide instances (a cohort)
 * have none. The engine then hides the instance, its tasks and its history from users
 * outside the tenant, on top of the authorizations.
 *
 * <p>
 * Since the caller's variables choose the tenant, a person's own start is checked here,
 * where the engine asks for the tenant of every new instance whatever the way it was
 * started: a participant may only start a process in a territory where they hold one of
 * its starting roles ({@link AuthorizationPolicy#STARTERS}); the programme team starts
 * anywhere; nobody but the operator may name another person as the initiator. The
 * engine's own starts (timers, jobs, delegates) are not checked: their variables come
 * from the models and from records already checked.
 */
@Component
class TerritoryTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

    private final DirectRequests requests;

    TerritoryTenants(DirectRequests requests) {
        this.requests = requests;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(this);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        Object territory = context.getVariables() == null ? null
                : context.getVariables().get(ProcessVariables.TERRITORY);
        String code = territory instanceof String text && !text.isBlank() ? text : null;
        DelegateExecution caller = context.getSuperExecution();
        if (caller == null && context.getSuperCaseExecution() == null) {
            requests.personStarting()
                .filter(person -> !requests.isOperator(person))
                .ifPresent(person -> checkStart(person, context.getProcessDefinition(), context.getVariables(), code));
        }
        if (code != null) {
            return code;
        }
        return caller == null ? null : caller.getTenantId();
    }

    private static void checkStart(Authentication person, ProcessDefinition definition, VariableMap variables,
            String territory) {
        Optional<String> initiator = DirectRequests.initiatorVariable(definition);
        Object named = initiator.isEmpty() || variables == null ? null : variables.get(initiator.get());
        if (named != null && !named.equals(person.getUserId())) {
            throw new AuthorizationException("Lancement refusé : la variable « " + initiator.get() + " » désigne « "
                    + named + " », alors que c'est toujours la personne connectée (« " + person.getUserId()
                    + " ») qui lance un processus. " + "Retirez cette variable de la demande.");
        }
        List<String> groups = person.getGroupIds() == null ? List.of() : person.getGroupIds();
        if (groups.contains(Role.PROGRAMME_TEAM.groupId())) {
            return;
        }
        String process = definition.getName() == null ? definition.getKey() : definition.getName();
        List<Role> starters = AuthorizationPolicy.STARTERS.getOrDefault(definition.getKey(), List.of());
        if (starters.isEmpty()) {
            throw new AuthorizationException(
                    "Lancement refusé : « " + process + " » est lancé par l'équipe programme.");
        }
        String holders = starters.stream().map(Role::holder).collect(Collectors.joining(" ou "));
        if (territory == null) {
            throw new AuthorizationException("Lancement refusé : indiquez le territoire (variable « "
                    + ProcessVariables.TERRITORY + " ») où lancer « " + process + " ».");
        }
        if (starters.stream().noneMatch(role -> groups.contains(role.groupIn(territory)))) {
            throw new AuthorizationException(
                    "Lancement refusé : vous n'êtes pas " + holders + " du territoire « " + territory + " ». Seuls ses "
                            + starters.stream()
                                .map(role -> role.label().toLowerCase(java.util.Locale.ROOT))
                                .collect(Collectors.joining(" ou "))
                            + " et l'équipe programme peuvent y lancer « " + process + " ».");
        }
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        return context.getExecution() == null ? null : context.getExecution().getTenantId();
    }

}
