package organizer.auth.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;

/** Cookies with the attributes we always want: HttpOnly, SameSite=Lax, path /, Secure on HTTPS. */
public final class Cookies {
    private Cookies() {
    }

    public static String read(HttpServletRequest req, String name) {
        var cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        for (var cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    public static void set(HttpServletResponse resp, String name, String value, Duration maxAge, boolean secure) {
        resp.addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAge.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }

    public static void clear(HttpServletResponse resp, String name, boolean secure) {
        resp.addHeader("Set-Cookie", name + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }
}
