package fr.catalyse.notification;

import org.springframework.modulith.NamedInterface;

/** The kinds of emails a person chooses how to receive. */
@NamedInterface("preferences")
public enum PreferenceKind {

    RAPPELS("Rappels avant échéance et retards"), ATTRIBUTIONS("Tâches qui vous sont attribuées"),
    ESCALADES("Retards signalés dans vos démarches");

    private final String label;

    PreferenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

}
