package fr.catalyse.notification;

import org.springframework.modulith.NamedInterface;

/** How a person receives one kind of email. */
@NamedInterface("preferences")
public enum DeliveryMode {

    IMMEDIATE("Immédiatement"), DIGEST("Dans le récapitulatif hebdomadaire"), NONE("Jamais");

    private final String label;

    DeliveryMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

}
