package org.yilaoyixiao.guardian.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yilaoyixiao.guardian.GuardianPermissions;
import org.yilaoyixiao.platform.api.ProblemCode;
import org.yilaoyixiao.platform.api.ProblemResponseWriter;

/**
 * The device and bank endpoints authenticate gateways by the {@code X-Api-Key} header, not users: a chain of their own,
 * ahead of the user chains, stateless, without CSRF (no browser session is involved), 401 without a valid key.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    static final String HEADER = "X-Api-Key";
    static final String[] PATHS = {"/api/v1/guardian/telemetry", "/api/v1/guardian/transactions"};

    @Bean
    @Order(0)
    SecurityFilterChain gatewayChain(HttpSecurity http, GatewayKeys keys, ProblemResponseWriter problems)
            throws Exception {
        http.securityMatcher(PATHS)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(GuardianPermissions.GATEWAY_AUTHORITY))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(request, response, ProblemCode.UNAUTHENTICATED))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(request, response, ProblemCode.FORBIDDEN)))
                .addFilterBefore(new ApiKeyFilter(keys), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Puts the gateway, as principal {@code gateway:<id>}, into the security context when the key is valid. */
    static final class ApiKeyFilter extends OncePerRequestFilter {
        private final GatewayKeys keys;

        ApiKeyFilter(GatewayKeys keys) {
            this.keys = keys;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            keys.gatewayOf(request.getHeader(HEADER)).ifPresent(id -> SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("gateway:" + id, null,
                            List.of(new SimpleGrantedAuthority(GuardianPermissions.GATEWAY_AUTHORITY)))));
            chain.doFilter(request, response);
        }
    }
}
