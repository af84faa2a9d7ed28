package organizer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a keystore generated at test time with the JDK's keytool (no key material in the repository). */
class HttpsFlowTest {
    @TempDir
    Path dir;

    Path keystore() throws Exception {
        var file = dir.resolve("tls.p12");
        var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        var process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "auth", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", "test-pass", "-keypass", "test-pass")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
        return file;
    }

    @Test
    void withAKeystoreItServesHttpsAndMarksCookiesSecure() throws Exception {
        var keystore = keystore();
        var config = new AuthConfig("127.0.0.1", 0, null, TestServer.testTenant(), dir.resolve("data"), null, keystore,
                "test-pass", false, false, false);
        var server = AuthServer.newServer(config, Clock.systemUTC(), null);
        server.start();
        try {
            assertThat(server.issuer()).isEqualTo("https://localhost:" + server.port() + "/");
            var trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trust.load(in, "test-pass".toCharArray());
            }
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            var tls = SSLContext.getInstance("TLS");
            tls.init(null, factory.getTrustManagers(), null);
            var http = new OkHttpClient.Builder().followRedirects(false)
                    .sslSocketFactory(tls.getSocketFactory(), (X509TrustManager) factory.getTrustManagers()[0]).build();

            try (var discovery = http.newCall(new Request.Builder()
                    .url(server.issuer() + ".well-known/openid-configuration").build()).execute()) {
                assertThat(discovery.code()).isEqualTo(200);
                assertThat(discovery.body().string()).contains("\"issuer\":\"" + server.issuer() + "\"");
            }
            var authorize = server.issuer() + "authorize?response_type=token&client_id=organizer-spa"
                    + "&redirect_uri=http%3A%2F%2Flocalhost%3A3000&audience=organize&state=s";
            try (var answer = http.newCall(new Request.Builder().url(authorize).build()).execute()) {
                assertThat(answer.code()).isEqualTo(302);
                assertThat(answer.headers("Set-Cookie")).isNotEmpty()
                        .allSatisfy(c -> assertThat(c).contains("Secure", "HttpOnly", "SameSite=Lax"));
            }
            try (var token = http.newCall(new Request.Builder().url(server.issuer() + "oauth/token")
                    .post(new FormBody.Builder().add("grant_type", "client_credentials").add("client_id", "test-m2m")
                            .add("client_secret", "test-m2m-secret-0123456789").add("audience", "organize").build())
                    .build()).execute()) {
                assertThat(token.code()).isEqualTo(200);
            }
        } finally {
            server.stop();
        }
    }
}
