package organizer.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import organizer.common.domain.Appointment;
import organizer.common.domain.Contact;
import organizer.desktop.testing.FixedTokenSession;
import organizer.desktop.testing.RealApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the real api-server on free ports, with tokens signed by the test's key. */
class OrganizerApiClientFlowTest {
    private static final String BOTH = "openid profile email read:contacts read:calendar";

    @TempDir
    Path dataDir;
    private RealApi api;

    @BeforeEach
    void startApi() throws Exception {
        api = new RealApi(dataDir);
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    private OrganizerApiClient client(FixedTokenSession session) {
        return new OrganizerApiClient(api.http, api.contacts(), api.calendar(), session, Runnable::run);
    }

    private static FixedTokenSession session(String token) {
        return new FixedTokenSession(token, BOTH, FixedTokenSession.alice());
    }

    private static Instant[] aroundNow() {
        var now = Instant.now();
        return new Instant[] {now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(10))};
    }

    @Test
    void getWhenTokenHasBothScopesThenContactsAndAppointmentsWithTheSameToken() {
        var client = client(session(api.token(BOTH)));
        var range = aroundNow();
        assertThat(client.contacts()).extracting(Contact::name).contains("Ana Ribeiro", "Grace Liu");
        assertThat(client.appointments(range[0], range[1])).extracting(Appointment::title).contains("Team stand-up");
    }

    @Test
    void getAppointmentsOnlyReturnsTheRequestedRange() {
        var client = client(session(api.token(BOTH)));
        var from = Instant.now().plus(Duration.ofDays(200));
        assertThat(client.appointments(from, from.plus(Duration.ofDays(30)))).isEmpty();
    }

    @Test
    void getWhenTokenLacksReadCalendarThenForbiddenNamingTheScope() {
        var client = client(session(api.token("openid read:contacts")));
        var range = aroundNow();
        assertThat(client.contacts()).isNotEmpty();
        assertThatThrownBy(() -> client.appointments(range[0], range[1]))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ApiException.Kind.FORBIDDEN);
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.scope()).isEqualTo("read:calendar");
                });
    }

    @Test
    void getWhenTokenExpiredThenRenewsOnceAndRetriesWithTheNewToken() {
        var session = session(api.expiredToken(BOTH)).renewWith(() -> api.token(BOTH));
        assertThat(client(session).contacts()).hasSize(12);
        assertThat(session.renewals()).isEqualTo(1);
    }

    @Test
    void getWhenTwoCallsMeetTheSameExpiredTokenThenOneRenewalServesBoth() throws Exception {
        var session = session(api.expiredToken(BOTH)).renewWith(() -> api.token(BOTH));
        var client = client(session);
        var range = aroundNow();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var contacts = pool.submit(client::contacts);
            var appointments = pool.submit(() -> client.appointments(range[0], range[1]));
            assertThat(contacts.get()).hasSize(12);
            assertThat(appointments.get()).isNotEmpty();
        } finally {
            pool.shutdown();
        }
        assertThat(session.renewals()).isEqualTo(1);
    }

    @Test
    void getWhenRenewalFailsThenSignedOut() {
        var session = session(api.expiredToken(BOTH)).renewWith(() -> null);
        assertThatThrownBy(() -> client(session).contacts())
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.SIGNED_OUT));
        assertThat(session.renewals()).isEqualTo(1);
    }

    @Test
    void getWhenRenewedTokenIsStillRejectedThenSignedOutWithoutALoop() {
        var session = session(api.expiredToken(BOTH)).renewWith(() -> api.expiredToken(BOTH));
        assertThatThrownBy(() -> client(session).contacts())
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.SIGNED_OUT));
        assertThat(session.renewals()).isEqualTo(1);
    }

    @Test
    void getWhenApiIsDownThenNetworkErrorAndWorksAgainOnceItIsBack() throws Exception {
        var client = client(session(api.token(BOTH)));
        api.stop();
        assertThatThrownBy(client::contacts).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.NETWORK));
        api.start();
        assertThat(client.contacts()).isNotEmpty();
    }

    @Test
    void scopeOfReadsTheChallengeOrFallsBack() {
        assertThat(OrganizerApiClient.scopeOf(
                "Bearer realm=\"organize\", error=\"insufficient_scope\", scope=\"read:calendar\"", "x"))
                .isEqualTo("read:calendar");
        assertThat(OrganizerApiClient.scopeOf("Bearer realm=\"organize\"", "read:contacts")).isEqualTo("read:contacts");
        assertThat(OrganizerApiClient.scopeOf(null, "read:contacts")).isEqualTo("read:contacts");
    }
}
