package organizer.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * A scripted browser: real HTTP with OkHttp, its own cookie jar, redirects never followed (tests read
 * {@code Location}). Pages are read the way the desktop WebView reads them: by element ids and form field names.
 */
final class Browser {
    /** A finished exchange. */
    record Page(int status, String location, String body, okhttp3.Headers headers) {
        String hidden(String name) {
            var m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no field " + name + " in page:\n" + body);
            }
            return m.group(1).replace("&amp;", "&");
        }

        /** The fields of the redirect's fragment (or query, for {@code query} mode). */
        Map<String, String> fragment() {
            var uri = URI.create(location);
            return parse(uri.getRawFragment() != null ? uri.getRawFragment() : uri.getRawQuery());
        }

        Map<String, String> query() {
            return parse(URI.create(location).getRawQuery());
        }
    }

    private final List<Cookie> cookies = new ArrayList<>();
    final OkHttpClient http;
    private final String base;

    Browser(String issuer) {
        this.base = issuer;
        this.http = new OkHttpClient.Builder().followRedirects(false).followSslRedirects(false)
                .cookieJar(new CookieJar() {
                    @Override
                    public void saveFromResponse(HttpUrl url, List<Cookie> list) {
                        synchronized (cookies) {
                            for (var c : list) {
                                cookies.removeIf(old -> old.name().equals(c.name()));
                                if (c.expiresAt() > System.currentTimeMillis()) {
                                    cookies.add(c);
                                }
                            }
                        }
                    }

                    @Override
                    public List<Cookie> loadForRequest(HttpUrl url) {
                        synchronized (cookies) {
                            return cookies.stream().filter(c -> c.matches(url)).toList();
                        }
                    }
                }).build();
    }

    String absolute(String location) {
        return URI.create(base).resolve(location).toString();
    }

    Page get(String url) {
        return send(new Request.Builder().url(absolute(url)).get().build());
    }

    Page post(String url, Map<String, String> form) {
        var body = new FormBody.Builder();
        form.forEach(body::add);
        return send(new Request.Builder().url(absolute(url)).post(body.build()).build());
    }

    Page send(Request request) {
        try (var response = http.newCall(request).execute()) {
            return new Page(response.code(), response.header("Location"), response.body().string(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String cookie(String name) {
        synchronized (cookies) {
            return cookies.stream().filter(c -> c.name().equals(name)).map(Cookie::value).findFirst().orElse(null);
        }
    }

    void clearCookie(String name) {
        synchronized (cookies) {
            cookies.removeIf(c -> c.name().equals(name));
        }
    }

    /** Logs in on a login page reached from /authorize; returns the answer to the form post. */
    Page logIn(Page authorizeRedirect, String email, String password) {
        var login = get(authorizeRedirect.location());
        if (login.status() != 200) {
            throw new AssertionError("login page: " + login.status() + " " + login.body());
        }
        return post("/u/login", Map.of("state", login.hidden("state"), "_csrf", login.hidden("_csrf"),
                "email", email, "password", password));
    }

    /** Follows a consent redirect and presses {@code accept} or {@code decline}. */
    Page consent(Page consentRedirect, String action) {
        var page = get(consentRedirect.location());
        if (page.status() != 200) {
            throw new AssertionError("consent page: " + page.status() + " " + page.body());
        }
        return post("/u/consent", Map.of("state", page.hidden("state"), "_csrf", page.hidden("_csrf"),
                "action", action));
    }

    static Map<String, String> parse(String raw) {
        var fields = new LinkedHashMap<String, String>();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        for (var pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    static String authorizeUrl(Map<String, String> params) {
        var url = new StringBuilder("/authorize?");
        params.forEach((k, v) -> url.append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        return url.toString();
    }
}
