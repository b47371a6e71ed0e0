package org.yilaoyixiao.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void needsEightCharactersFromThreeClasses() {
        assertThat(PasswordPolicy.violations("Ab1!", "u")).containsExactly("password.too-short");
        assertThat(PasswordPolicy.violations("abcdefgh1", "u")).containsExactly("password.too-simple");
        assertThat(PasswordPolicy.violations("abcdefgh1X", "u")).isEmpty();
        assertThat(PasswordPolicy.violations("abcdefgh1!", "u")).isEmpty();
        assertThat(PasswordPolicy.violations("ABCDEFGH!1", "u")).isEmpty();
        assertThat(PasswordPolicy.violations("密码abcdEFGH", "u")).isEmpty();
        assertThat(PasswordPolicy.violations(null, "u")).containsExactly("password.too-short");
    }

    @Test
    void mustNotContainTheUsername() {
        assertThat(PasswordPolicy.violations("Zhangsan#2026", "zhangsan")).containsExactly("password.contains-username");
    }

    @RepeatedTest(50)
    void generatedPasswordsPassThePolicy() {
        String password = PasswordPolicy.generate(20);
        assertThat(password).hasSize(20);
        assertThat(PasswordPolicy.violations(password, "admin")).isEmpty();
        assertThat(PasswordPolicy.classes(password)).isEqualTo(4);
    }
}
