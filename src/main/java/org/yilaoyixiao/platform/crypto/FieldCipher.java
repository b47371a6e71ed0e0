package org.yilaoyixiao.platform.crypto;

/**
 * Encrypts one field of personal data at rest. One interface so that SM4 (GB/T 39786) can replace AES without
 * touching callers; every ciphertext starts with the version of the key that made it, so keys can rotate.
 */
public interface FieldCipher {

    byte[] encrypt(String plaintext);

    String decrypt(byte[] ciphertext);
}
