package io.progressledger.query.privacy;

import io.progressledger.events.personal.CarriesPersonalData;
import io.progressledger.query.api.Page;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The one place where the API's answers reveal personal data: any answer, or page of items, that carries personal
 * data is revealed as it is written. An answer type that holds personal data without saying so
 * ({@link CarriesPersonalData}) shows it sealed, never in plain text.
 */
@RestControllerAdvice
public class RevealPersonalData implements ResponseBodyAdvice<Object> {

    private final PersonalDataReveal reveal;

    public RevealPersonalData(PersonalDataReveal reveal) {
        this.reveal = reveal;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof Page<?> page) {
            return new Page<>(reveal.reveal(page.items()), page.nextCursor());
        }
        if (body instanceof CarriesPersonalData<?>) {
            return reveal.reveal(body);
        }
        return body;
    }
}
