package org.yilaoyixiao.facilities;

/** Who built and who runs an institution: 公办公营, 公建民营, 民办. */
public enum OperationModel { PUBLIC, PUBLIC_BUILT_PRIVATE_RUN, PRIVATE }
