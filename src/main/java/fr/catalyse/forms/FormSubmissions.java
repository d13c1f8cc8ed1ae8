package fr.catalyse.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.catalyse.access.Caller;
import fr.catalyse.platform.ProcessVariables;
import fr.catalyse.platform.Webapps;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a participant may send when they start a process or complete a task, through
 * /engine-rest and through the webapps' own API (Tasklist): a body of bounded size, and
 * only the fields of the form they fill. Without this, a participant could store a
 * megabyte of JSON in a cohort's instance, or set any variable the model reads (a
 * territory list, a deadline), since the engine takes every variable a completion
 * carries. The operator, who repairs instances, is not bound by the form.
 */
@Configuration(proxyBeanMethods = false)
class FormSubmissions {

    @Bean
    FilterRegistrationBean<SubmissionFilter> formSubmissionFilter(@Lazy FormService forms,
            @Lazy RepositoryService repository, @Lazy Caller caller,
            @Value("${catalyse.forms.max-submission-size:512KB}") DataSize maxSize) {
        FilterRegistrationBean<SubmissionFilter> registration = new FilterRegistrationBean<>(
                new SubmissionFilter(forms, repository, caller, maxSize.toBytes()));
        registration.setName("catalyse-form-submissions");
        registration.addUrlPatterns("/engine-rest/*", Webapps.ENGINE_API + "/*");
        // After the REST authentication, which tells who calls /engine-rest.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 50);
        return registration;
    }

    static class SubmissionFilter extends OncePerRequestFilter {

        private static final ObjectMapper JSON = new ObjectMapper();

        private static final Pattern SUBMISSION = Pattern
            .compile("^(?:/engine-rest|" + Pattern.quote(Webapps.ENGINE_API) + "/engine/[^/]+)/(?:"
                    + "task/(?<task>[^/]+)/(?:complete|submit-form)"
                    + "|process-definition/key/(?<key>[^/]+)(?:/tenant-id/(?<tenant>[^/]+))?/(?:start|submit-form)"
                    + "|process-definition/(?<definition>[^/]+)/(?:start|submit-form))$");

        private final FormService forms;

        private final RepositoryService repository;

        private final Caller caller;

        private final long maxSize;

        SubmissionFilter(FormService forms, RepositoryService repository, Caller caller, long maxSize) {
            this.forms = forms;
            this.repository = repository;
            this.caller = caller;
            this.maxSize = maxSize;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String type = String.valueOf(request.getContentType());
            if (!("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))
                    || type.startsWith("multipart/")) {
                chain.doFilter(request, response);
                return;
            }
            byte[] body = read(request.getInputStream());
            if (body == null) {
                refuse(response, 413, "RequestTooLargeException",
                        "Envoi refusé : " + DataSize.ofBytes(maxSize).toKilobytes()
                                + " Ko au plus par envoi. Raccourcissez le texte ou joignez un lien vers le document.");
                return;
            }
            Matcher submission = SUBMISSION
                .matcher(request.getRequestURI().substring(request.getContextPath().length()));
            if (submission.matches() && !caller.isOperator(request)) {
                List<String> unknown = unknownFields(submission, body);
                if (!unknown.isEmpty()) {
                    refuse(response, 400, "InvalidInputException",
                            "Envoi refusé : ce formulaire n'a pas de champ "
                                    + String.join(", ", unknown.stream().map(name -> "« " + name + " »").toList())
                                    + ". Seuls les champs du formulaire sont acceptés.");
                    return;
                }
            }
            chain.doFilter(new Replayed(request, body), response);
        }

        /**
         * @return the body, or null when it is longer than allowed
         */
        private byte[] read(InputStream input) throws IOException {
            byte[] body = input.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, maxSize + 1));
            return body.length > maxSize ? null : body;
        }

        private List<String> unknownFields(Matcher submission, byte[] body) {
            JsonNode request;
            try {
                request = JSON.readTree(body);
            }
            catch (IOException notJson) {
                return List.of(); // the engine answers malformed requests itself
            }
            if (request.has("startInstructions")) {
                return List.of(); // the operator's alone: refused with its own reason
                                  // (access.DirectRequests)
            }
            JsonNode variables = request.path("variables");
            if (!variables.isObject() || variables.isEmpty()) {
                return List.of();
            }
            Set<String> accepted = acceptedNames(submission);
            if (accepted == null) {
                return List.of();
            }
            Set<String> unknown = new TreeSet<>();
            variables.fieldNames().forEachRemaining(name -> {
                // « initiator » is the engine's: accepted only when it names the
                // signed-in person (access.DirectRequests).
                if (!accepted.contains(name) && !ProcessVariables.INITIATOR.equals(name)) {
                    unknown.add(name);
                }
            });
            return new ArrayList<>(unknown);
        }

        /**
         * The form's fields, or null when there is no form to judge by (the engine then
         * answers as usual).
         */
        private Set<String> acceptedNames(Matcher submission) {
            try {
                if (submission.group("task") != null) {
                    return schema(() -> forms.getDeployedTaskForm(submission.group("task")));
                }
                String definition = submission.group("definition");
                if (definition == null) {
                    ProcessDefinitionQuery query = repository.createProcessDefinitionQuery()
                        .processDefinitionKey(submission.group("key"))
                        .latestVersion();
                    query = submission.group("tenant") == null ? query.withoutTenantId()
                            : query.tenantIdIn(submission.group("tenant"));
                    var found = query.singleResult();
                    if (found == null) {
                        return null;
                    }
                    definition = found.getId();
                }
                String id = definition;
                return schema(() -> forms.getDeployedStartForm(id));
            }
            catch (ProcessEngineException noForm) {
                return null;
            }
        }

        private static Set<String> schema(Supplier<InputStream> form) {
            return FormSchema.read(form.get()).submittedNames();
        }

        private static void refuse(HttpServletResponse response, int status, String type, String message)
                throws IOException {
            response.setStatus(status);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            JSON.writeValue(response.getWriter(), Map.of("type", type, "message", message));
        }

    }

    /**
     * The request with its body, already read, readable again by the engine's REST
     * resources.
     */
    private static class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

    }

}
