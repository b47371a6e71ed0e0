package org.yilaoyixiao.placement;

/** An institution bed, or a family care bed (家庭养老照护床位) at the elder's home under a supervising institution. */
public enum PlacementKind { INSTITUTION, FAMILY_BED }
