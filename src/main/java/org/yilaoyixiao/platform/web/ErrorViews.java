package org.yilaoyixiao.platform.web;

/** Which error page answers which status. */
final class ErrorViews {

    private ErrorViews() {
    }

    static String viewFor(int status) {
        return switch (status) {
            case 401, 403 -> "error/403";
            case 404 -> "error/404";
            case 400, 405, 409, 413, 415 -> "error/400";
            default -> "error/general";
        };
    }
}
