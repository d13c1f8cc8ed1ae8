package fr.catalyse;

import fr.catalyse.access.Role;
import fr.catalyse.platform.CatalyseProperties;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.mockito.Mockito;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * What a {@code @WebMvcTest} of one of Catalyse's API controllers needs to answer as
 * production does: the caller's role check ({@code access.Caller}, real), the same-origin
 * check on writes ({@code access.CrossSiteProtection}, real, a servlet filter MockMvc
 * runs) and the French error answers ({@code platform.ApiErrors}, picked up by the slice
 * as every controller advice). The engine is the boundary: its {@link IdentityService} is
 * a mock that says who the HTTP Basic filter authenticated
 * ({@code access.RestAuthentication} needs the engine's identity store and registry, so
 * the integration tests cover it, 401 included).
 *
 * <p>
 * Test classes extend it and name it in {@code @Import(ApiSlice.Scan.class)}.
 */
@ActiveProfiles("test")
public abstract class ApiSlice {

    @MockitoBean
    protected IdentityService identity;

    @MockitoBean
    protected ProcessEngine engine;

    /**
     * The HTTP Basic filter let this person in, with the groups of these roles
     * (territorial ones in {@code territory}).
     */
    protected void signedIn(String userId, String territory, Role... roles) {
        List<String> groups = Arrays.stream(roles)
            .flatMap(role -> role.territorial() && territory != null
                    ? java.util.stream.Stream.of(role.groupId(), role.groupIn(territory))
                    : java.util.stream.Stream.of(role.groupId()))
            .toList();
        Authentication authentication = new Authentication(userId, groups,
                territory == null ? List.of() : List.of(territory));
        Mockito.when(identity.getCurrentAuthentication()).thenReturn(authentication);
    }

    /**
     * Caller, the webapp sessions it reads and the cross-site filter are package-private
     * in access: found by name.
     */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CatalyseProperties.class)
    @ComponentScan(basePackages = "fr.catalyse.access", useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                    pattern = "fr\\.catalyse\\.access\\.(Caller|WebappSessions|CrossSiteProtection)"))
    public static class Scan {

    }

}
