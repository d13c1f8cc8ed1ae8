/**
 * What every capability stands on: schema migrations, start-up checks, cluster-safe
 * seeding, web entry points, the engine's clock, the webapps' path.
 *
 * <p>
 * The shared module ({@code @Modulithic(sharedModules)} of CatalyseApplication): every
 * module may use it without declaring it; it depends on none, and its public types are
 * its API.
 */
@ApplicationModule(allowedDependencies = {})
package fr.catalyse.platform;

import org.springframework.modulith.ApplicationModule;
