package fr.catalyse.platform;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The only Spring beans the models' expressions may name. With the Spring starter every
 * bean of the application is otherwise an expression away ({@code ${passwordLinks...}},
 * repositories, the mail sender), so a model could do anything the application can. This
 * list is what bpmn/ references: {@code ProcessModelConventionsTest} fails when a model
 * names a bean missing here or when a bean here is no longer used,
 * {@code ExpressionBeansIntegrationTest} when one of them is not in the context. Process
 * variables, {@code execution}, {@code task} and the engine's functions
 * ({@code currentUser()}, {@code now()}, Spin's {@code S()}) are not beans and stay
 * available.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExpressionBeans extends AbstractProcessEnginePlugin {

    static final SortedSet<String> EXPOSED = new TreeSet<>(Set.of(
            // Values the models compute with: delays from catalyse.deadlines, lists
            // submitted by forms,
            // an organisation's name in task names (« intitule »), the weekly digest's
            // schedule.
            "deadlines", "formLists", "organisationNames", "weeklyDigests",
            // Email delivery: the delegate that composes and sends one email.
            "sendEmail",
            // Partnership lifecycle: stage records and task-completion listeners.
            "partnershipStages", "partnershipDialogue", "partnershipMatchmaking", "partnershipDesign",
            "partnershipSupport", "partnershipEvaluation",
            // Partnership lifecycle: service task delegates.
            "registerPartnership", "alertDialogueStalled", "recordMatchExpired", "countAcceptedMatches",
            "prepareAgreement", "closeWithoutFunding", "closePartnership", "spreadPartnership",
            // Pilot pathway: calendar, records and alerts.
            "pilotPathway", "pathwaySelection", "pathwaySessions", "pathwayFoundation", "pathwayAlerts",
            "cohortStatusChange",
            // Pilot pathway: service task delegates.
            "registerCohort", "reopenCall", "notifySelection", "sendConvocations", "publishFoundation",
            "startGovernanceDialogues", "launchNextCohort",
            // Governance dialogue.
            "governanceFollowUp", "registerGovernanceDialogue"));

    /**
     * Names the released models still call, by the bean that now answers them. A bean is
     * named after its class (BPMN → Java in one hop), and these four were not:
     * {@code values} and {@code governance} are also process variable names (a variable
     * shadows a bean of the same name), {@code digests} and {@code cohortStatus} named
     * another thing than their class. Instances of a released version run its deployed
     * model with today's code, so the old name keeps answering as long as that version is
     * kept ({@code src/test/resources/released/releases.csv};
     * {@code ProcessModelConventionsTest} checks that every name here is called by a
     * released model and by no current one).
     */
    static final SortedMap<String, String> RELEASED_NAMES = new TreeMap<>(Map.of("values", "formLists", "digests",
            "weeklyDigests", "cohortStatus", "cohortStatusChange", "governance", "governanceFollowUp"));

    private final ApplicationContext context;

    ExpressionBeans(ApplicationContext context) {
        this.context = context;
    }

    /**
     * The starter builds its expression manager before any plugin runs, from the beans of
     * the configuration (none: every bean); the engine adds its functions after this, in
     * init.
     */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Map<Object, Object> beans = new ListedBeans(context, EXPOSED, RELEASED_NAMES);
        // setBeans also limits what scripts see (the starter then registers no resolver
        // over the whole context).
        configuration.setBeans(beans);
        configuration.setExpressionManager(new SpringExpressionManager(context, beans));
    }

    /**
     * The listed beans, and the released names of some, looked up when an expression
     * names one: the delegates need the engine's services, so none can be created while
     * the engine is being built.
     */
    static final class ListedBeans extends AbstractMap<Object, Object> {

        private final ApplicationContext context;

        private final Map<String, String> beanByName;

        ListedBeans(ApplicationContext context, Set<String> names, Map<String, String> releasedNames) {
            this.context = context;
            Map<String, String> beanByName = new HashMap<>(releasedNames);
            names.forEach(name -> beanByName.put(name, name));
            this.beanByName = Map.copyOf(beanByName);
        }

        @Override
        public boolean containsKey(Object name) {
            return beanByName.containsKey(name);
        }

        @Override
        public Object get(Object name) {
            String bean = beanByName.get(name);
            return bean == null ? null : context.getBean(bean);
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return beanByName.keySet()
                .stream()
                .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, get(name)))
                .collect(Collectors.toUnmodifiableSet());
        }

    }

}
