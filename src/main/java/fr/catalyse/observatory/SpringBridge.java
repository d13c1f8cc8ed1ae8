package fr.catalyse.observatory;

import jakarta.servlet.ServletContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The one way from the Cockpit plugin's resources to Spring. Those resources are not
 * Spring beans: the webapps find the plugin with java.util.ServiceLoader and Jersey
 * creates the resources itself for every request, so nothing is injected into them. They
 * reach the observatory's service through the servlet context they are served in, where
 * Spring Boot keeps its web application context: each running application (two in one JVM
 * during some tests) thus finds its own service and database, which a static field set at
 * start-up would not guarantee.
 */
final class SpringBridge {

    private SpringBridge() {
    }

    static ObservatoryEndpoints endpoints(ServletContext servletContext) {
        return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
            .getBean(ObservatoryEndpoints.class);
    }

}
