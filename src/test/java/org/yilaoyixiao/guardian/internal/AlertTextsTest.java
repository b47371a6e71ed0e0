package org.yilaoyixiao.guardian.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.yilaoyixiao.guardian.AlertType;
import org.yilaoyixiao.notifications.LocalizedText;

/** The detectors' lines, old and new, read into sentences of the reader's language; nothing English in Chinese. */
class AlertTextsTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final AlertTexts texts = new AlertTexts(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages", "i18n/guardian", "i18n/registry");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void everyKindOfLineReadsAsAChineseSentence() {
        assertThat(texts.reason(AlertType.SOS, "SOS button pressed on sos-12", ZH)).isEqualTo("老人按下了一键呼叫按钮。");
        assertThat(texts.reason(AlertType.WANDERING,
                "outside since 2026-12-07T01:00:00Z, 350 m beyond the nearest safe zone", ZH))
                .isEqualTo("自 12-07 09:00 起外出未归，离最近的安全区域 350 米。");
        assertThat(texts.reason(AlertType.WANDERING, "outside at night, outside every safe zone", ZH))
                .isEqualTo("夜间外出，已离开所有安全区域。");
        assertThat(texts.reason(AlertType.HOME_INACTIVITY, "no sign of life at home since 2026-12-07T02:30:00Z", ZH))
                .isEqualTo("自 12-07 10:30 起家中没有任何活动迹象。");
        assertThat(texts.reason(AlertType.HOME_INACTIVITY, "no water used by 10:00 (usually by 09:00)", ZH))
                .isEqualTo("到 10:00 仍未用水（平时 09:00 前会用水）。");
        assertThat(texts.reason(AlertType.FRAUD, "large for this elder (30000); first transfer to a new counterparty"
                + " → 安全账户", ZH))
                .isEqualTo("可疑转账：金额 30000 元，远高于老人平时的转账；首次向陌生收款方转账。收款方：安全账户");
        assertThat(texts.reason(AlertType.DEVICE_OFFLINE, "no reading from watch-3", ZH))
                .isEqualTo("设备长时间没有上报数据。");
        // a line nobody taught it: told by the type, never in English
        assertThat(texts.reason(AlertType.FALL, "something new happened", ZH)).isEqualTo("疑似跌倒。");
    }

    @Test
    void aReasonStoredAsAnArgumentOfAMessageReadsTheSameInEitherLanguage() {
        String line = "large for this elder (30000); 3 transfers within 10 minutes → 张|某";
        LocalizedText reason = texts.reason(AlertType.FRAUD, line);
        LocalizedText body = new LocalizedText("guardian.notify.body", java.util.List.of("叶老人",
                LocalizedText.of("guardian.alert-type.FRAUD").asArgument(), reason.asArgument()));
        LocalizedText stored = new LocalizedText(body.key(), body.args());
        assertThat(stored.in(messages(), ZH)).isEqualTo(texts.reason(AlertType.FRAUD, line, ZH))
                .isEqualTo("可疑转账：金额 30000 元，远高于老人平时的转账；10 分钟内连续转账 3 笔。收款方：张|某");
        assertThat(new LocalizedText("guardian.notify.subject", body.args()).in(messages(), Locale.ENGLISH))
                .isEqualTo("[Silver guardian] 叶老人 Suspected fraud");
        assertThat(stored.in(messages(), Locale.ENGLISH)).startsWith("Suspicious transfer: an amount of 30000 yuan");
    }

    @Test
    void theSameLinesReadInEnglish() {
        assertThat(texts.reason(AlertType.SOS, "SOS button pressed on sos-12", Locale.ENGLISH))
                .isEqualTo("The elder pressed the emergency button.");
        assertThat(texts.reason(AlertType.FRAUD, "counterparty on the fraud list → 某账户", Locale.ENGLISH))
                .isEqualTo("Suspicious transfer: the counterparty is on the fraud list. To: 某账户");
        assertThat(texts.zoneName("home", Locale.ENGLISH)).isEqualTo("Home");
        assertThat(texts.zoneName("place-2", ZH)).isEqualTo("常去地点 2");
        assertThat(texts.zoneName("女儿家", ZH)).isEqualTo("女儿家");
    }
}
