package organizer.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentCookieStoreTest {
    static final URI AS = URI.create("http://localhost:4000/");

    @TempDir
    Path dir;

    @Test
    void authorizationServerCookiesSurviveARestartInAnOwnerOnlyFile() throws Exception {
        var file = dir.resolve("data/sign-in-cookies.json");
        var store = PersistentCookieStore.open(file, AS, Clock.systemUTC());
        var manager = new java.net.CookieManager(store, java.net.CookiePolicy.ACCEPT_ORIGINAL_SERVER);
        manager.put(URI.create("http://localhost:4000/authorize"),
                java.util.Map.of("Set-Cookie", java.util.List.of("auth0=s3cr3t; Path=/; HttpOnly; Max-Age=3600")));
        manager.put(URI.create("http://elsewhere.test/"),
                java.util.Map.of("Set-Cookie", java.util.List.of("other=x; Path=/")));
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(file)).contains("auth0").doesNotContain("other");

        var restarted = PersistentCookieStore.open(file, AS, Clock.systemUTC());
        assertThat(restarted.hasAuthorizationServerCookies()).isTrue();
        var sent = new java.net.CookieManager(restarted, null).get(URI.create("http://localhost:4000/authorize?x=1"),
                java.util.Map.of());
        assertThat(sent.get("Cookie")).containsExactly("auth0=s3cr3t");
    }

    @Test
    void aCookieClearedByTheServerIsGoneAfterARestart() throws Exception {
        var file = dir.resolve("cookies.json");
        var manager = new java.net.CookieManager(PersistentCookieStore.open(file, AS, Clock.systemUTC()), null);
        var uri = URI.create("http://localhost:4000/v2/logout");
        manager.put(uri, java.util.Map.of("Set-Cookie", java.util.List.of("auth0=s; Path=/")));
        manager.put(uri, java.util.Map.of("Set-Cookie", java.util.List.of("auth0=; Path=/; Max-Age=0")));
        var restarted = PersistentCookieStore.open(file, AS, Clock.systemUTC());
        assertThat(restarted.hasAuthorizationServerCookies()).isFalse();
    }

    @Test
    void anUnreadableFileMeansSigningInAgain() throws Exception {
        var file = dir.resolve("cookies.json");
        Files.writeString(file, "{not json");
        var store = PersistentCookieStore.open(file, AS, Clock.systemUTC());
        assertThat(store.hasAuthorizationServerCookies()).isFalse();
        store.add(AS, new HttpCookie("a", "b"));
    }
}
