package fr.catalyse.platform;

import java.util.Locale;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How the API reads its typed parameters: a code such as {@code ?statut=failed} in any
 * case and with spaces around it, as people type it; one that names no constant is
 * refused in French by {@link ApiErrors}.
 */
@Component
class ApiParameters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new CodeToConstant());
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static final class CodeToConstant implements ConverterFactory<String, Enum> {

        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> type) {
            return code -> code.isBlank() ? null : (T) Enum.valueOf(type, code.trim().toUpperCase(Locale.ROOT));
        }

    }

}
