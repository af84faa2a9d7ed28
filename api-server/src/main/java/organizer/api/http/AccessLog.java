package organizer.api.http;

import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;

/**
 * The access log: NCSA-like, but with the path only ({@code %U}) instead of the request line ({@code %r}), because
 * a query string may carry {@code access_token} (RFC 6750 §2.3). No request header is logged: {@code Authorization}
 * holds the token, {@code Referer} may hold one in its query.
 */
public final class AccessLog {
    /** Client, time, method, path without the query, protocol, status, bytes sent, duration. */
    public static final String FORMAT = "%{client}a - - %t \"%m %U %H\" %s %O %{ms}Tms";
    public static final String LOGGER = "organizer.api.access";

    private AccessLog() {
    }

    /** Lines go to SLF4J logger {@value #LOGGER} at INFO. */
    public static RequestLog.Writer slf4j() {
        var writer = new Slf4jRequestLogWriter();
        writer.setLoggerName(LOGGER);
        return writer;
    }

    public static RequestLog of(RequestLog.Writer writer) {
        return new CustomRequestLog(writer, FORMAT);
    }
}
