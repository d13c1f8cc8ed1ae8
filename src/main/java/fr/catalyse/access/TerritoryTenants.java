package fr.catalyse.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;

/**
 * A process instance started for a territory (variable {@value #TERRITORY_VARIABLE}) belongs to that
 * territory's tenant; a sub-process without that variable stays in its caller's tenant; programme-wide
 * instances (a cohort) have none. The engine then hides the instance, its tasks and its history from
 * users outside the tenant, on top of the authorizations.
 */
@Component
class TerritoryTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

  public static final String TERRITORY_VARIABLE = "territory";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    Object territory = context.getVariables() == null ? null : context.getVariables().get(TERRITORY_VARIABLE);
    if (territory instanceof String code && !code.isBlank()) {
      return code;
    }
    DelegateExecution caller = context.getSuperExecution();
    return caller == null ? null : caller.getTenantId();
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
