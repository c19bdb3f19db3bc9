package io.progressledger.query.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Locale;

/**
 * How query parameters become typed values before a controller sees them, alongside Spring's own conversions
 * (numbers, instants, dates) and the bounds on parameters: an enumeration's name in any case
 * ({@code status=in_progress}), as the API has always taken it. A value that converts to nothing is a 400 naming the
 * parameter ({@link ApiErrors}).
 */
@Configuration(proxyBeanMethods = false)
class ApiParameters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new AnyCaseEnums());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class AnyCaseEnums implements ConverterFactory<String, Enum> {

        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
            return source -> source.isBlank() ? null
                    : (T) Enum.valueOf(targetType, source.strip().toUpperCase(Locale.ROOT));
        }
    }
}
