package organizer.auth.management;

/** A Management API refusal in Auth0's shape: {@code {"statusCode","error","message","errorCode"}}. */
final class ManagementError extends RuntimeException {
    final int statusCode;
    final String errorCode;

    ManagementError(int statusCode, String message, String errorCode) {
        super(message, null, false, false);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
    }

    String error() {
        return switch (statusCode) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            default -> "Error";
        };
    }

    static ManagementError badRequest(String message) {
        return new ManagementError(400, message, "invalid_body");
    }

    static ManagementError notFound(String message, String code) {
        return new ManagementError(404, message, code);
    }
}
