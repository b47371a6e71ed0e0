package org.yilaoyixiao.audit.internal;

/**
 * The result of walking the chain: how many rows were checked, and the first row whose stored hash or link to its
 * predecessor does not match (null when intact). {@code headHash} lets an operator record the current end of the
 * chain elsewhere, which also exposes rows cut off the end later.
 */
record ChainVerification(boolean intact, long checked, Long firstBrokenId, String reason, String headHash) {
}
