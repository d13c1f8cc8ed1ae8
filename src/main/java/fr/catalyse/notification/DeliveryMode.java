package fr.catalyse.notification;

/** How a person receives one kind of email. */
enum DeliveryMode {
  IMMEDIATE("Immédiatement"),
  DIGEST("Dans le récapitulatif hebdomadaire"),
  NONE("Jamais");

  private final String label;

  DeliveryMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
