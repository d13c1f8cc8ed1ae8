package fr.catalyse.territory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of a participant import ({@code catalyse.import}): a file is read as it arrives
 * and refused as soon as it goes past them, so a huge upload is neither kept in memory
 * nor applied in part.
 *
 * @param maxLines participant lines one file may hold (the header not counted); split a
 * larger directory into several files
 */
@ConfigurationProperties("catalyse.import")
record ImportProperties(@DefaultValue("5000") int maxLines) {

    ImportProperties {
        if (maxLines < 1) {
            throw new IllegalArgumentException(
                    "catalyse.import.max-lines doit être un nombre positif (" + maxLines + ")");
        }
    }
}
