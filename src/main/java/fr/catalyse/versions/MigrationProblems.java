package fr.catalyse.versions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;

/**
 * The engine's validation failures, said in French for the programme team. The engine
 * reports in English with fixed sentences; the usual ones are translated with what to do
 * about them, any other is quoted after a French introduction so that nothing is hidden.
 */
final class MigrationProblems {

    private MigrationProblems() {
    }

    /**
     * @param describe names an activity of the old version for a person, e.g. « Décider
     * du financement » (Task_FundingDecision)
     */
    static List<String> ofPlan(MigrationPlanValidationReport report, UnaryOperator<String> describe) {
        List<String> problems = new ArrayList<>();
        for (MigrationInstructionValidationReport instruction : report.getInstructionReports()) {
            MigrationInstruction mapped = instruction.getMigrationInstruction();
            for (String failure : instruction.getFailures()) {
                problems.add("Mappage de " + describe.apply(mapped.getSourceActivityId()) + " vers « "
                        + mapped.getTargetActivityId() + " » : " + instructionFailure(failure) + ".");
            }
        }
        report.getVariableReports()
            .forEach((name, variable) -> variable.getFailures()
                .forEach(failure -> problems
                    .add("Variable « " + name + " » : refusée par le moteur (" + failure + ").")));
        return problems;
    }

    static List<String> ofInstance(MigratingProcessInstanceValidationReport report, UnaryOperator<String> describe,
            int toVersion) {
        List<String> problems = new ArrayList<>();
        for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
            activity.getFailures()
                .forEach(failure -> problems
                    .add(waitingFailure(activity.getSourceScopeId(), failure, describe, toVersion)));
        }
        for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
            transition.getFailures()
                .forEach(failure -> problems
                    .add(waitingFailure(transition.getSourceScopeId(), failure, describe, toVersion)));
        }
        for (String failure : report.getFailures()) {
            problems.add(failure.startsWith("Process instance contains not migrated")
                    ? "des éléments de l'instance (tâches planifiées, abonnements ou variables) n'ont pas de place dans la version "
                            + toVersion + " (" + failure + ")."
                    : "refusée par le moteur (" + failure + ").");
        }
        return problems;
    }

    private static String waitingFailure(String activityId, String failure, UnaryOperator<String> describe,
            int toVersion) {
        if (failure.startsWith("There is no migration instruction")) {
            return "elle attend à " + describe.apply(activityId) + ", qui n'existe plus dans la version " + toVersion
                    + " : ajoutez un mappage de « " + activityId + " » vers l'activité qui la remplace.";
        }
        if (failure.startsWith("The type of the source activity is not supported")) {
            return "elle attend à " + describe.apply(activityId) + ", une activité que le moteur ne sait pas migrer.";
        }
        return "à " + describe.apply(activityId) + " : refusée par le moteur (" + failure + ").";
    }

    private static String instructionFailure(String failure) {
        if (failure.startsWith("Activities have incompatible types")) {
            return "les deux activités ne sont pas du même type";
        }
        if (failure.startsWith("Events are not of the same type")) {
            return "les deux événements ne sont pas du même type";
        }
        if (failure.startsWith("There are multiple mappings")) {
            return "l'activité est mappée deux fois ; si elle garde son identifiant dans la nouvelle version, elle y est déjà "
                    + "mappée : retirez le mappage explicite";
        }
        if (failure.contains("multi-instance body")) {
            return "une activité à instances multiples se mappe vers une activité à instances multiples";
        }
        if (failure.contains("must be mapped") || failure.contains("closest mapped ancestor")) {
            return "le sous-processus qui la contient doit être mappé lui aussi, vers celui qui contient l'activité cible";
        }
        return "refusé par le moteur (" + failure + ")";
    }

}
