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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.platform.demo.DemoData;
import org.yilaoyixiao.platform.security.Role;

/**
 * Demo butlers (SYNTHETIC names): two BUTLER accounts per township, {@code guanjia.<township code>.1} and {@code .2},
 * so the demo's butler teams have people to dispatch to (the services demo puts them in their township's team).
 * Created once, after the demo villages, under the same demo rule as the other modules' demo data. Like every account
 * an administrator creates, they have no password anyone knows: a random one is hashed and thrown away, and the account
 * must change its password at first login — an administrator gives a butler access with 重置密码 on 用户管理 (decision
 * 0007). There is no default password.
 */
@Component
@Order(25)
class DemoButlerAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoButlerAccounts.class);
    static final String PREFIX = "guanjia.";
    private static final List<String> SURNAMES = List.of("陈", "王", "李", "张", "刘", "吴", "周", "徐", "叶", "林", "杨",
            "金", "朱", "潘", "郑");
    private static final List<String> GIVEN = List.of("丽萍", "建国", "海燕", "志强", "秀英", "春梅", "国平", "晓燕", "建华",
            "美华", "永康", "小芳", "伟民", "彩霞", "立新", "素琴", "振华");

    private final boolean enabled;
    private final String countyCode;
    private final UserAccountRepository accounts;
    private final DivisionDirectory divisions;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    DemoButlerAccounts(@Value("${yly.demo.enabled:true}") boolean demoEnabled, @Value("${yly.demo.scale:}") String scale,
                       @Value("${spring.datasource.url:}") String externalDatabaseUrl,
                       @Value("${yly.county-code}") String countyCode, UserAccountRepository accounts,
                       DivisionDirectory divisions, PasswordEncoder encoder, AuditTrail audit, Clock clock,
                       TransactionTemplate transactions) {
        this.enabled = DemoData.wanted(demoEnabled, scale, externalDatabaseUrl);
        this.countyCode = countyCode;
        this.accounts = accounts;
        this.divisions = divisions;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Division> townships = divisions.children(countyCode).stream()
                .filter(d -> d.level() == DivisionLevel.TOWNSHIP).toList();
        if (!enabled || townships.isEmpty() || accounts.exists(PREFIX + townships.get(0).code() + ".1")) {
            return;
        }
        // one unknown password for all: generated, hashed once (bcrypt is slow on purpose), never shown or kept
        String hash = encoder.encode(PasswordPolicy.generate(32));
        int created = transactions.execute(status -> {
            int n = 0;
            for (int t = 0; t < townships.size(); t++) {
                Division township = townships.get(t);
                for (int k = 1; k <= 2; k++) {
                    String username = PREFIX + township.code() + "." + k;
                    if (accounts.exists(username)) {
                        continue;
                    }
                    int seed = t * 2 + k;
                    String name = SURNAMES.get(seed % SURNAMES.size()) + GIVEN.get((seed * 7) % GIVEN.size());
                    accounts.insert(username, name, hash, true, township.code(), null, EnumSet.of(Role.BUTLER),
                            clock.instant(), "system");
                    audit.record(AuditRecord.success("USER_CREATED", "user:" + username,
                            "roles=[BUTLER] password=NONE demo").by("system"));
                    n++;
                }
            }
            return n;
        });
        log.info("Demo: created {} butler accounts ({}<township code>.1/.2) with no known password; an administrator "
                + "sets one with 重置密码 on 用户管理", created, PREFIX);
    }
}
