package fr.catalyse.notification;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import fr.catalyse.platform.CatalyseProperties;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders emails from templates/mail: {@code name.html} (HTML, user text escaped) and
 * {@code name.txt} (plain-text alternative), both in French, with the common footer.
 */
@Component
class MailTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    private final CatalyseProperties application;

    MailTemplates(CatalyseProperties application) {
        this.application = application;
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    }

    /**
     * Renders both parts; every email's footer links to the reader's notification
     * preferences.
     */
    public Email.Rendered render(String name, Map<String, Object> model) {
        Context context = new Context(Locale.FRENCH, model);
        context.setVariable("preferences", application.link("/preferences"));
        return new Email.Rendered(engine.process(name + ".html", context), engine.process(name + ".txt", context));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        return resolver;
    }

}
