package org.yilaoyixiao.platform.web;

import java.security.SecureRandom;
import java.util.Locale;

/** Incident numbers for unexpected failures: short enough to read out on the phone, unique enough to find in the log. */
public final class Incidents {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

    private Incidents() {
    }

    public static String next() {
        char[] id = new char[8];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id).toUpperCase(Locale.ROOT);
    }
}
