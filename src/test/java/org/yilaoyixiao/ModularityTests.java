package org.yilaoyixiao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries are a fact checked here, not a convention. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(YilaoyixiaoApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theExpectedModulesExist() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("platform", "divisions", "identity", "audit", "workspace");
    }

    @Test
    void theCheckRejectsUseOfAnotherModulesInternals() {
        // fixtures.leaky.beta uses a class from fixtures.leaky.alpha.internal: verification must fail on it
        // the fixture lives in test classes, which the default import leaves out
        ImportOption everything = location -> true;
        ApplicationModules leaky = ApplicationModules.of("org.yilaoyixiao.fixtures.leaky", everything);
        assertThatThrownBy(leaky::verify)
                .isInstanceOf(Violations.class)
                .hasMessageContaining("alpha")
                .hasMessageContaining("internal");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
