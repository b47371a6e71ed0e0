package org.yilaoyixiao.platform.crypto;

/**
 * A keyed hash of a value, stored beside its ciphertext so that an exact match can be found without decrypting:
 * equal values give equal indexes, and without the key the index reveals nothing.
 */
public interface BlindIndex {

    byte[] of(String value);
}
