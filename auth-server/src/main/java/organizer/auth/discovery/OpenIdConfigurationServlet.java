package organizer.auth.discovery;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import organizer.common.json.Json;

/** {@code GET /.well-known/openid-configuration}: OIDC discovery with Auth0's endpoint paths. */
public final class OpenIdConfigurationServlet extends HttpServlet {
    private final byte[] document;

    public OpenIdConfigurationServlet(String issuer) {
        var d = new LinkedHashMap<String, Object>();
        d.put("issuer", issuer);
        d.put("authorization_endpoint", issuer + "authorize");
        d.put("token_endpoint", issuer + "oauth/token");
        d.put("device_authorization_endpoint", null);
        d.put("userinfo_endpoint", issuer + "userinfo");
        d.put("mfa_challenge_endpoint", null);
        d.put("jwks_uri", issuer + ".well-known/jwks.json");
        d.put("registration_endpoint", null);
        d.put("revocation_endpoint", issuer + "oauth/revoke");
        d.put("end_session_endpoint", issuer + "oidc/logout");
        d.put("scopes_supported", List.of("openid", "profile", "offline_access", "name", "given_name", "family_name",
                "nickname", "email", "email_verified", "picture", "created_at", "identities", "phone", "address"));
        d.put("response_types_supported", List.of("code", "token", "id_token", "code token", "code id_token",
                "token id_token", "code token id_token"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("response_modes_supported", List.of("query", "fragment", "form_post", "web_message"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        d.put("grant_types_supported", List.of("authorization_code", "implicit", "refresh_token", "client_credentials"));
        d.put("claims_supported", List.of("aud", "auth_time", "created_at", "email", "email_verified", "exp",
                "family_name", "given_name", "iat", "identities", "iss", "name", "nickname", "phone_number",
                "picture", "sub", "sid", "nonce", "at_hash"));
        d.put("request_uri_parameter_supported", false);
        d.put("request_parameter_supported", false);
        d.values().removeIf(java.util.Objects::isNull);
        this.document = Json.write(d).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "public, max-age=300");
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setContentLength(document.length);
        resp.getOutputStream().write(document);
    }
}
