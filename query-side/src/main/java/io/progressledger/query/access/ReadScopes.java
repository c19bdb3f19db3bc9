package io.progressledger.query.access;

import io.progressledger.query.api.ReadScope;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a handler that takes a {@link ReadScope} the scope {@link ApiAccess} found for the caller. A handler reached
 * without one is a wiring fault: it fails rather than read everything.
 */
class ReadScopes implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ReadScope.class;
    }

    @Override
    public ReadScope resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                     NativeWebRequest request, WebDataBinderFactory binders) {
        if (request.getAttribute(ApiAccess.SCOPE, RequestAttributes.SCOPE_REQUEST) instanceof ReadScope scope) {
            return scope;
        }
        throw new IllegalStateException("no read scope: the access check did not run for this handler");
    }
}
