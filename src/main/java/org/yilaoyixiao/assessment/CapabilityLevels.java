package org.yilaoyixiao.assessment;

import java.util.Optional;

/** A person's current capability level: the final level of the latest assessment, if any. */
public interface CapabilityLevels {

    Optional<CapabilityLevel> current(long personId);

    /** Whether the latest assessment records a dementia diagnosis (ICD-10 F00–F03); false if never assessed. */
    boolean diagnosedWithDementia(long personId);
}
