package fr.catalyse.platform;

/**
 * The process variables several capabilities share: one module sets them, another reads
 * them (the tenant check, the reminders, the Tasklist columns), and the models and forms
 * name them too. The BPMN and form files keep their literal names;
 * {@code ProcessVariablesTest} fails when a constant here names a variable no model or
 * form uses. A variable that one module alone reads and writes stays a constant of that
 * module.
 */
public final class ProcessVariables {

    /**
     * Code of the territory an instance is for: its tenant, its candidate groups («
     * catalyseurs.${territory} »).
     */
    public static final String TERRITORY = "territory";

    /**
     * The territory's name, for task titles, emails and the Tasklist column « Territoire
     * ».
     */
    public static final String TERRITORY_NAME = "territoryName";

    /**
     * User id of the catalyst who leads a partnership: the assignee of its tasks,
     * escalations go to them.
     */
    public static final String CATALYST = "catalyst";

    /** Name of a partnership, for task titles and the Tasklist column « Partenariat ». */
    public static final String PARTNERSHIP_NAME = "partnershipName";

    /**
     * Who started the instance ({@code camunda:initiator}); the engine fills it, a caller
     * may not name another person.
     */
    public static final String INITIATOR = "initiator";

    /**
     * Title of the collective session a task belongs to, for the Tasklist column «
     * Session »; set by the pathway's listeners, never by a model or a form.
     */
    public static final String SESSION_TITLE = "sessionTitle";

    /**
     * Id of the cohort (table {@code cohort}) a pathway or governance instance belongs
     * to; set by Java only.
     */
    public static final String COHORT_ID = "cohortId";

    private ProcessVariables() {
    }

}
