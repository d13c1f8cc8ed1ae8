package fr.catalyse.observatory;

import java.util.Comparator;

/** A territory as every page names it: its code (the tenant) and its name. */
record TerritoryRef(String code, String name) {

    /**
     * By name as a French reader sorts them (« Côte Ouest » before « Dunkerque »), then
     * by code.
     */
    static final Comparator<TerritoryRef> BY_NAME = Comparator
        .comparing((TerritoryRef territory) -> FrenchOrder.key(territory.name()))
        .thenComparing(TerritoryRef::code);

}
