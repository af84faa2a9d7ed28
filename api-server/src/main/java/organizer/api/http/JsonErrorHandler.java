package organizer.api.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty finds before any servlet runs (an unparsable URI, headers too large, a request during
 * shutdown) are answered in the API's JSON error shape instead of Jetty's HTML page, and without a stack trace.
 */
public final class JsonErrorHandler extends ErrorHandler {
    public JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        var reason = HttpStatus.getMessage(code);
        var error = code >= 500 ? "server_error" : code == 404 ? "not_found" : "invalid_request";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(JsonResponses.errorBytes(error, reason)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        var error = status >= 500 ? "server_error" : "invalid_request";
        return ByteBuffer.wrap(JsonResponses.errorBytes(error, HttpStatus.getMessage(status)));
    }
}
