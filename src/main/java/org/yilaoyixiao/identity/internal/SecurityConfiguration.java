package org.yilaoyixiao.identity.internal;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.api.ProblemCode;
import org.yilaoyixiao.platform.api.ProblemResponseWriter;
import org.yilaoyixiao.platform.security.Role;

/**
 * Two filter chains over one account store and one lockout policy: the API ({@code /api/**}, actuator) speaks HTTP
 * Basic, is stateless and answers problem documents, never a redirect; the pages use form login with a session that
 * expires after 30 idle minutes, and CSRF protection.
 * <p>
 * The single {@link AccountAuthenticationProvider} bean is the global authentication manager's only provider; it is
 * deliberately not added to the chains as well, which would make a failed attempt count twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemResponseWriter problems, LoginPolicy policy)
            throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, failure) -> {
            if (failure instanceof LockedException) {
                problems.write(request, response, ProblemCode.ACCOUNT_LOCKED,
                        new Object[]{policy.lockDuration().toMinutes()});
            } else if (failure instanceof LoginThrottledException) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(policy.addressWindow().toSeconds()));
                problems.write(request, response, ProblemCode.TOO_MANY_LOGINS,
                        new Object[]{policy.addressWindow().toMinutes()});
            } else {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"yilaoyixiao\", charset=\"UTF-8\"");
                problems.write(request, response, ProblemCode.UNAUTHENTICATED);
            }
        };
        AccessDeniedHandler denied = (request, response, failure) ->
                problems.write(request, response, ProblemCode.FORBIDDEN);
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.COUNTY_ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .addFilterBefore(new PasswordChangeGate(problems), AuthorizationFilter.class)
                .headers(this::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, ProblemResponseWriter problems, UserAccountRepository accounts,
                                 AuditTrail audit) throws Exception {
        AuthenticationFailureHandler failure = (request, response, exception) -> {
            String reason = exception instanceof LockedException ? "locked"
                    : exception instanceof LoginThrottledException ? "throttled"
                    : exception instanceof DisabledException ? "disabled" : "error";
            response.sendRedirect(request.getContextPath() + "/login?" + reason);
        };
        http.authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico").permitAll()
                        // the developer pages are for the administrators who hand out API credentials
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**")
                        .hasAuthority(org.yilaoyixiao.identity.IdentityPermissions.MANAGE_USERS)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failure)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                .sessionManagement(session -> session.invalidSessionUrl("/login?expired"))
                .addFilterBefore(new SessionStampCheck(accounts, audit), AuthorizationFilter.class)
                .addFilterBefore(new PasswordChangeGate(problems), AuthorizationFilter.class)
                .headers(this::headers);
        return http.build();
    }

    private void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
    }
}
