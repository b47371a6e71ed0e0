package org.yilaoyixiao.registry.internal;

/** The file as a whole cannot be imported (no header, too many rows, …): a message key and one argument. */
final class ImportFailure extends RuntimeException {

    private final String messageKey;
    private final String argument;

    ImportFailure(String messageKey, String argument) {
        super(messageKey);
        this.messageKey = messageKey;
        this.argument = argument;
    }

    String messageKey() {
        return messageKey;
    }

    String argument() {
        return argument;
    }
}
