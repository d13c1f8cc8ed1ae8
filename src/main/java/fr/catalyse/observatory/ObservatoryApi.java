package fr.catalyse.observatory;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The observatory for scripts: /api/observatoire/..., authenticated with HTTP Basic like
 * the rest of /api (access.RestAuthentication sets the engine's authentication of the
 * request, read here), the same JSON and exports as the Cockpit plugin resource.
 */
@RestController
@RequestMapping("/api/observatoire")
class ObservatoryApi {

    private final ObservatoryEndpoints endpoints;

    private final IdentityService identity;

    ObservatoryApi(ObservatoryEndpoints endpoints, IdentityService identity) {
        this.endpoints = endpoints;
        this.identity = identity;
    }

    @GetMapping("/cohortes")
    ResponseEntity<byte[]> cohorts(@RequestParam(required = false) String format) {
        return http(endpoints.cohorts(identity.getCurrentAuthentication(), format));
    }

    @GetMapping("/cohortes/{id}")
    ResponseEntity<byte[]> cohort(@PathVariable String id, @RequestParam(required = false) String format) {
        return http(endpoints.cohort(identity.getCurrentAuthentication(), id, format));
    }

    @GetMapping("/partenariats")
    ResponseEntity<byte[]> partnerships(@RequestParam(name = "territoire", required = false) String territory,
            @RequestParam(name = "etape", required = false) String stage,
            @RequestParam(name = "type", required = false) String kind,
            @RequestParam(name = "tri", required = false) String sort,
            @RequestParam(name = "ordre", required = false) String order, @RequestParam(required = false) String page,
            @RequestParam(name = "taille", required = false) String size,
            @RequestParam(required = false) String format) {
        return http(endpoints.partnerships(identity.getCurrentAuthentication(), territory, stage, kind, sort, order,
                page, size, format));
    }

    @GetMapping("/dialogues")
    ResponseEntity<byte[]> dialogues(@RequestParam(required = false) String format) {
        return http(endpoints.dialogues(identity.getCurrentAuthentication(), format));
    }

    @GetMapping("/indicateurs")
    ResponseEntity<byte[]> indicators(@RequestParam(required = false) String format) {
        return http(endpoints.indicators(identity.getCurrentAuthentication(), format));
    }

    @GetMapping("/dossier/{processInstanceId}")
    ResponseEntity<byte[]> dossier(@PathVariable String processInstanceId,
            @RequestParam(required = false) String format) {
        return http(endpoints.dossier(identity.getCurrentAuthentication(), processInstanceId, format));
    }

    private static ResponseEntity<byte[]> http(Answer answer) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status())
            .header(HttpHeaders.CONTENT_TYPE, answer.contentType());
        if (answer.disposition() != null) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, answer.disposition());
        }
        return response.body(answer.body());
    }

}
