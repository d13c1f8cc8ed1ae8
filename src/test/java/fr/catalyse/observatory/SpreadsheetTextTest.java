package fr.catalyse.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetTextTest {

    @ParameterizedTest
    @ValueSource(strings = { "=HYPERLINK(\"http://exemple.invalid\";\"clic\")", "+33 1 23", "-2+3", "@SOMME(A1)",
            "\tcaché", "\rretour" })
    void aTextThatASpreadsheetWouldReadAsAFormulaIsPrefixedWithAnApostrophe(String text) {
        assertThat(SpreadsheetText.neutralised(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Covoiturage du Nord", "Tiers-lieu = atelier", "'déjà protégé", " =espace avant", "123" })
    void anyOtherTextIsLeftAsItIs(String text) {
        assertThat(SpreadsheetText.neutralised(text)).isEqualTo(text);
    }

    @Test
    void emptyAndMissingTextsStayEmptyAndMissing() {
        assertThat(SpreadsheetText.neutralised("")).isEmpty();
        assertThat(SpreadsheetText.neutralised(null)).isNull();
    }

}
