package fr.catalyse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.platform.CatalyseProperties;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Emails render in French, escape what participants typed in HTML, and lead to the task
 * and the preferences.
 */
class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates(new CatalyseProperties("https://catalyse.exemple.fr/"));

    @Test
    void aReminderShowsTheTaskTheTerritoryAndTheDueDateInFrenchWithItsLinks() {
        Date due = Date.from(ZonedDateTime.parse("2027-03-01T09:30:00+01:00[Europe/Paris]").toInstant());
        Map<String, Object> model = model(due);

        Email.Rendered mail = templates.render("task-reminder", model);

        assertThat(FrenchDates.dayAndTime(due)).isEqualTo("lundi 1 mars 2027 à 09h30");
        assertThat(FrenchDates.day(due)).isEqualTo("lundi 1 mars 2027");
        assertThat(mail.html()).contains("Bonjour <span>Claire Martin</span>", "lundi 1 mars 2027 à 09h30",
                "Saint-Étienne &amp; Loire",
                "href=\"https://catalyse.exemple.fr/camunda/app/tasklist/default/#/?task=42\"",
                "href=\"https://catalyse.exemple.fr/preferences\"");
        assertThat(mail.text()).contains("Bonjour Claire Martin", "lundi 1 mars 2027 à 09h30", "Saint-Étienne & Loire",
                "https://catalyse.exemple.fr/camunda/app/tasklist/default/#/?task=42",
                "https://catalyse.exemple.fr/preferences");
    }

    @Test
    void textParticipantsTypedIsEscapedInTheHtmlPart() {
        Map<String, Object> model = model(new Date());
        model.put("taskName", "Tâche <script>alert('x')</script>");
        model.put("businessKey", "alpha / <b>Jardins</b>");

        Email.Rendered mail = templates.render("task-reminder", model);

        assertThat(mail.html()).doesNotContain("<script>", "<b>Jardins</b>")
            .contains("&lt;script&gt;", "&lt;b&gt;Jardins&lt;/b&gt;");
        assertThat(mail.text()).contains("Tâche <script>alert('x')</script>");
    }

    @Test
    void aDateInSummerIsShownOnParisSummerTime() {
        Date due = Date.from(ZonedDateTime.parse("2027-07-14T08:00:00Z").toInstant());
        assertThat(FrenchDates.dayAndTime(due)).isEqualTo("mercredi 14 juillet 2027 à 10h00");
    }

    private static Map<String, Object> model(Date due) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipient", "Claire Martin");
        model.put("taskName", "Établir le diagnostic partagé du territoire");
        model.put("territoryName", "Saint-Étienne & Loire");
        model.put("businessKey", "saint-etienne / Mobilité");
        model.put("processName", "Cycle de vie d'un partenariat");
        model.put("due", FrenchDates.dayAndTime(due));
        model.put("late", false);
        model.put("link", "https://catalyse.exemple.fr/camunda/app/tasklist/default/#/?task=42");
        model.put("tasklist", "https://catalyse.exemple.fr/camunda/app/tasklist/default/");
        return model;
    }

}
