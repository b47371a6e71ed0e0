package org.yilaoyixiao.assessment;

import java.util.Optional;

/** A person's current capability level: the final level of the latest assessment, if any. */
public interface CapabilityLevels {

    Optional<CapabilityLevel> current(long personId);
}
