package org.yilaoyixiao.identity.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.platform.security.Role;

/**
 * On the very first start (no account at all) creates the administrator {@code admin}, scoped to the county. Its
 * password comes from {@code YLY_ADMIN_PASSWORD}; without it a strong one is generated and printed once in the
 * log. There is no default password.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserAccountRepository accounts;
    private final DivisionDirectory divisions;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;
    private final String configuredPassword;
    private final String countyCode;

    FirstAdministrator(UserAccountRepository accounts, DivisionDirectory divisions, PasswordEncoder encoder,
                       AuditTrail audit, Clock clock, @Value("${yly.admin.password:}") String configuredPassword,
                       @Value("${yly.county-code}") String countyCode) {
        this.accounts = accounts;
        this.divisions = divisions;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
        this.countyCode = countyCode;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!accounts.anyAccount()) {
            create(configuredPassword);
        }
    }

    /** Creates {@code admin}; a blank password means: generate one and print it once. */
    void create(String configuredPassword) {
        if (divisions.find(countyCode).filter(d -> d.level() == DivisionLevel.COUNTY).isEmpty()) {
            throw new IllegalStateException("YLY_COUNTY_CODE=" + countyCode + " is not a current county-level division; "
                    + "load the county's divisions first (YLY_DIVISIONS_FILE)");
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? PasswordPolicy.generate(20) : configuredPassword;
        List<String> violations = PasswordPolicy.violations(password, USERNAME);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("YLY_ADMIN_PASSWORD does not meet the password policy ("
                    + String.join(", ", violations) + "): at least " + PasswordPolicy.MIN_LENGTH
                    + " characters from 3 of upper case, lower case, digits and symbols, not containing 'admin'");
        }
        try {
            // a generated password has been in the log: it must be replaced at first login
            accounts.insert(USERNAME, "系统管理员", encoder.encode(password), generated, countyCode, null,
                    EnumSet.of(Role.COUNTY_ADMIN), clock.instant(), "system");
        } catch (DuplicateKeyException anotherInstanceWasFaster) {
            return;
        }
        audit.record(AuditRecord.success("USER_CREATED", "user:" + USERNAME,
                "roles=[COUNTY_ADMIN] password=" + (generated ? "GENERATED" : "ENVIRONMENT")).by("system"));
        if (generated) {
            log.warn("""

                    ================================================================
                     First start: created administrator '{}' with the password
                         {}
                     It is shown this once and must be changed at the first login.
                     (Set YLY_ADMIN_PASSWORD before a first start to choose it.)
                    ================================================================""", USERNAME, password);
        } else {
            log.info("First start: created administrator '{}' with the password from YLY_ADMIN_PASSWORD", USERNAME);
        }
    }
}
