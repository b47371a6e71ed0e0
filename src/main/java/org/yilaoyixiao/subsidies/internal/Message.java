package org.yilaoyixiao.subsidies.internal;

import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * A text for the clerk as a message key with its arguments, resolved in the reader's language. An argument may itself
 * be a {@code Message} (an economic status, a capability level, a parameter's name): the message source resolves it in
 * the same language, so that no code or enum name reaches the sentence.
 */
record Message(String key, List<Object> args) implements MessageSourceResolvable {

    Message {
        args = List.copyOf(args);
    }

    static Message of(String key, Object... args) {
        return new Message(key, List.of(args));
    }

    Object[] argArray() {
        return args.toArray();
    }

    @Override
    public String[] getCodes() {
        return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
        return argArray();
    }

    /** A key without a text shows as itself rather than failing the page. */
    @Override
    public String getDefaultMessage() {
        return key;
    }
}
