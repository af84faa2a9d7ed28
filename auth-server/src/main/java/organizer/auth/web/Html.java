package organizer.auth.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.owasp.encoder.Encode;
import organizer.auth.tenant.Ids;

/**
 * Server-rendered pages: one self-contained layout (inline CSS, no external assets), every interpolated value
 * escaped with the OWASP encoder, and the headers that keep pages out of frames and scripts out of pages
 * ({@code X-Frame-Options: DENY}, CSP {@code frame-ancestors 'none'}, a per-response nonce for the few scripts).
 */
public final class Html {
    private static final String CSS = """
            *{box-sizing:border-box}
            body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;
              font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
              background:linear-gradient(160deg,#eef2f7,#dde5f0);color:#1f2937}
            main{width:min(400px,92vw);background:#fff;border-radius:14px;padding:32px 32px 24px;
              box-shadow:0 10px 30px rgba(15,23,42,.12)}
            .logo{width:44px;height:44px;border-radius:12px;background:#4f46e5;color:#fff;display:flex;
              align-items:center;justify-content:center;font-weight:700;font-size:22px;margin:0 auto 12px}
            h1{font-size:22px;margin:0 0 4px;text-align:center}
            p.sub{margin:0 0 20px;text-align:center;color:#6b7280}
            label{display:block;font-size:13px;font-weight:600;margin:14px 0 6px}
            input[type=email],input[type=password],input[type=text]{width:100%;padding:11px 12px;font-size:15px;
              border:1px solid #cbd5e1;border-radius:8px;outline:none}
            input:focus{border-color:#4f46e5;box-shadow:0 0 0 3px rgba(79,70,229,.18)}
            button{width:100%;margin-top:20px;padding:12px;font-size:15px;font-weight:600;border:0;border-radius:8px;
              background:#4f46e5;color:#fff;cursor:pointer}
            button:hover{background:#4338ca}
            button.secondary{background:#fff;color:#374151;border:1px solid #cbd5e1;margin-top:10px}
            .error{background:#fef2f2;color:#991b1b;border:1px solid #fecaca;border-radius:8px;padding:10px 12px;
              margin:0 0 8px;font-size:14px}
            .alt{margin-top:18px;text-align:center;font-size:14px;color:#6b7280}
            a{color:#4f46e5}
            ul.perms{list-style:none;padding:0;margin:14px 0}
            ul.perms li{padding:10px 12px;border:1px solid #e5e7eb;border-radius:8px;margin-bottom:8px}
            ul.perms li small{display:block;color:#6b7280;font-family:ui-monospace,monospace}
            code{word-break:break-all}
            """;

    private Html() {
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    public static String e(String value) {
        return value == null ? "" : Encode.forHtml(value);
    }

    /** Sends a full page: the body fragment must have been built with {@link #e(String)} for every value. */
    public static void send(HttpServletResponse resp, int status, String title, String body) throws IOException {
        send(resp, status, title, body, null, "'none'");
    }

    /**
     * As {@link #send(HttpServletResponse, int, String, String)}, with an inline script (run under the page's CSP
     * nonce) and the origins allowed to frame the page ({@code 'none'} unless a {@code web_message} response).
     */
    public static void send(HttpServletResponse resp, int status, String title, String body, String script,
                            String frameAncestors) throws IOException {
        var nonce = Ids.hex(16);
        resp.setStatus(status);
        resp.setContentType("text/html;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Pragma", "no-cache");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Frame-Options", "'none'".equals(frameAncestors) ? "DENY" : null);
        resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'nonce-" + nonce + "'; "
                + "script-src 'nonce-" + nonce + "'; img-src data:; base-uri 'none'; frame-ancestors " + frameAncestors);
        var html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + e(title) + "</title><style nonce=\"" + nonce + "\">" + CSS + "</style></head>"
                + "<body><main>" + body + "</main>"
                + (script == null ? "" : "<script nonce=\"" + nonce + "\">" + script + "</script>")
                + "</body></html>";
        var bytes = html.getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    /** A page for people when something went wrong and there is nowhere safe to redirect to. */
    public static void error(HttpServletResponse resp, int status, String code, String message) throws IOException {
        send(resp, status, "Error", "<div class=\"logo\">!</div><h1>Something went wrong</h1>"
                + "<p class=\"sub\" id=\"error\" data-error=\"" + e(code) + "\">" + e(message) + "</p>"
                + "<p class=\"alt\">Error code: <code>" + e(code) + "</code></p>");
    }
}
