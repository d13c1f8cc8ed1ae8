package fr.catalyse.observatory;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/** A territory as every page names it: its code (the tenant) and its name. */
record TerritoryRef(String code, String name) {

  private static final Collator FRENCH = Collator.getInstance(Locale.FRENCH);

  /** By name as a French reader sorts them (« Côte Ouest » before « Dunkerque »), then by code. */
  static final Comparator<TerritoryRef> BY_NAME = Comparator.comparing(TerritoryRef::name, FRENCH::compare)
      .thenComparing(TerritoryRef::code);
}
