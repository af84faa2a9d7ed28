package organizer.auth.token;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import organizer.auth.tenant.UserStore;
import organizer.auth.web.JsonResponses;
import organizer.common.domain.Scopes;
import organizer.common.oauth.BearerChallenge;
import organizer.common.oauth.OAuthError;

/** {@code GET|POST /userinfo}: the user's claims for an access token whose audience includes {@code <issuer>userinfo}. */
public final class UserInfoServlet extends HttpServlet {
    private final LocalTokenVerifier verifier;
    private final UserStore users;
    private final String audience;

    public UserInfoServlet(LocalTokenVerifier verifier, UserStore users, String userinfoAudience) {
        this.verifier = verifier;
        this.users = users;
        this.audience = userinfoAudience;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var header = req.getHeader("Authorization");
        if (header == null) {
            resp.setHeader("WWW-Authenticate", BearerChallenge.header("userinfo"));
            JsonResponses.send(resp, 401, java.util.Map.of("error", "invalid_request",
                    "error_description", "Missing access token"));
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(resp, OAuthError.invalidToken("Expected a Bearer token"));
            return;
        }
        var jwt = verifier.verify(header.substring(7).trim(), audience);
        if (jwt.isEmpty()) {
            refuse(resp, OAuthError.invalidToken("The access token is invalid or expired"));
            return;
        }
        var scopes = Scopes.parse(jwt.get().getClaim("scope").asString());
        if (!scopes.contains("openid")) {
            refuse(resp, OAuthError.insufficientScope("openid"));
            return;
        }
        var user = users.byId(jwt.get().getSubject());
        if (user.isEmpty()) {
            refuse(resp, OAuthError.invalidToken("The user no longer exists"));
            return;
        }
        var u = user.get();
        var claims = new LinkedHashMap<String, Object>();
        claims.put("sub", u.userId());
        if (scopes.contains("profile")) {
            claims.put("name", u.name());
            claims.put("nickname", u.nickname());
            claims.put("picture", u.picture() == null ? Avatars.dataUri(u) : u.picture());
            claims.put("updated_at", u.updatedAt() == null ? null : u.updatedAt().toString());
        }
        if (scopes.contains("email")) {
            claims.put("email", u.email());
            claims.put("email_verified", Boolean.TRUE.equals(u.emailVerified()));
        }
        JsonResponses.send(resp, 200, claims);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doGet(req, resp);
    }

    private static void refuse(HttpServletResponse resp, OAuthError error) throws IOException {
        resp.setHeader("WWW-Authenticate", BearerChallenge.header("userinfo", error));
        JsonResponses.error(resp, error);
    }
}
