package fr.catalyse.territory;

import org.springframework.stereotype.Component;

/**
 * An organisation's name for task names ({@code ${organisationNames.of(partner)}}): a
 * catalyst with three mediations open needs to see which partner asked for each.
 */
@Component
public class OrganisationNames {

    private final OrganisationRepository organisations;

    OrganisationNames(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    /** The organisation's name, or its code when it is not in the directory. */
    public String of(String code) {
        return organisations.findByCode(code).map(Organisation::getName).orElse(code);
    }

}
