package org.yilaoyixiao.subsidies.internal;

import java.util.List;

/** A text for the clerk as a message key with its arguments, resolved in the reader's language. */
record Message(String key, List<Object> args) {

    Message {
        args = List.copyOf(args);
    }

    static Message of(String key, Object... args) {
        return new Message(key, List.of(args));
    }

    Object[] argArray() {
        return args.toArray();
    }
}
