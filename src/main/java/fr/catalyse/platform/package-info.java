/** What every capability stands on: schema migrations, start-up checks, cluster-safe seeding, web entry points. */
package fr.catalyse.platform;
