package org.yilaoyixiao.platform.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Chinese unless the user chose English (a cookie set by {@code ?lang=en}) or, with no choice made, the client asks
 * for English first. The same resolution applies in filters that run before Spring MVC.
 */
public class PlatformLocaleResolver implements LocaleResolver {

    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;
    static final String COOKIE = "yly-lang";
    private static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    public static Locale localeOf(HttpServletRequest request) {
        Object chosen = request.getAttribute(COOKIE);
        if (chosen instanceof Locale locale) {
            return locale;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return parse(cookie.getValue());
                }
            }
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header is no reason to fail the request
            }
        }
        return DEFAULT;
    }

    static Locale parse(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : DEFAULT;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return localeOf(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale chosen = locale == null ? DEFAULT : parse(locale.toLanguageTag());
        request.setAttribute(COOKIE, chosen);
        if (response != null) {
            ResponseCookie cookie = ResponseCookie.from(COOKIE, chosen.toLanguageTag()).path("/").httpOnly(true)
                    .sameSite("Lax").maxAge(Duration.ofDays(365)).build();
            response.addHeader("Set-Cookie", cookie.toString());
        }
    }
}
