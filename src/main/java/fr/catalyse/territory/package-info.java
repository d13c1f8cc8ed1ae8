/** Territories, their organisations and the participants who act for them. */
package fr.catalyse.territory;
