package organizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-user data, search, ranges, sample seeding, persistence and the three deployment modes, over real HTTP. */
class DataFlowTest {
    private static final String BOTH = "read:contacts read:calendar";

    @TempDir
    Path dir;
    private ApiFixture fx;

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void firstRequestSeedsADozenContactsAndAWeekOfAppointmentsAroundNow() throws Exception {
        fx = ApiFixture.start(dir, b -> b);
        var token = fx.token("auth0|alice", BOTH);
        var contacts = fx.get(ApiService.CONTACTS, "/api/contacts", token).json().get("contacts");
        assertThat(contacts.size()).isEqualTo(12);
        for (var contact : contacts) {
            assertThat(contact.get("id").asText()).isNotBlank();
            assertThat(contact.get("name").asText()).isNotBlank();
            assertThat(contact.get("email").asText()).contains("@example.");
        }
        assertThat(names(contacts)).isSorted();
        var appointments = fx.get(ApiService.CALENDAR, "/api/appointments", token).json().get("appointments");
        assertThat(appointments.size()).isEqualTo(13);
        var now = Instant.now();
        for (var appointment : appointments) {
            var time = Instant.parse(appointment.get("time").asText());
            assertThat(time).isBetween(now.minus(Duration.ofDays(4)), now.plus(Duration.ofDays(4)));
            assertThat(Instant.parse(appointment.get("end").asText())).isAfter(time);
            assertThat(appointment.get("title").asText()).isNotBlank();
        }
        // a second request does not seed again
        assertThat(fx.get(ApiService.CONTACTS, "/api/contacts", token).json().get("contacts").size()).isEqualTo(12);
    }

    @Test
    void getWhenSeedingIsOffThenListsAreEmpty() throws Exception {
        fx = ApiFixture.start(dir, b -> b.seed(false));
        var token = fx.token("auth0|alice", BOTH);
        assertThat(fx.get(ApiService.CONTACTS, "/api/contacts", token).body()).isEqualTo("{\"contacts\":[]}");
        assertThat(fx.get(ApiService.CALENDAR, "/api/appointments", token).body()).isEqualTo("{\"appointments\":[]}");
    }

    @Test
    void getContactsWithQueryFindsByNameEmailOrCompanyIgnoringCase() throws Exception {
        fx = ApiFixture.start(dir, b -> b);
        var token = fx.token("auth0|alice", BOTH);
        assertThat(search(token, "ROSSI")).containsExactly("Julia Rossi");
        assertThat(search(token, "woodgrove")).containsExactly("Grace Liu");
        assertThat(search(token, "example.net")).containsExactly("Chloé Martin", "Grace Liu", "Kenji Watanabe");
        assertThat(search(token, "%25")).isEmpty(); // LIKE wildcards are matched literally
        assertThat(search(token, "_")).isEmpty();
        assertThat(search(token, "nobody-by-this-name")).isEmpty();
        assertThat(search(token, "")).hasSize(12);
    }

    @Test
    void getContactsWithAnOverlongQueryThen400() throws Exception {
        fx = ApiFixture.start(dir, b -> b);
        var answer = fx.get(ApiService.CONTACTS, "/api/contacts?q=" + "x".repeat(201), fx.token("auth0|alice", BOTH));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void getAppointmentsWithARangeReturnsThoseOverlappingIt() throws Exception {
        fx = ApiFixture.start(dir, b -> b);
        var token = fx.token("auth0|alice", BOTH);
        var all = fx.get(ApiService.CALENDAR, "/api/appointments", token).json().get("appointments");
        var third = all.get(2);
        var start = Instant.parse(third.get("time").asText());
        var end = Instant.parse(third.get("end").asText());
        // [start, end) of one appointment contains exactly the appointments overlapping it
        var inside = fx.get(ApiService.CALENDAR, "/api/appointments?from=" + start + "&to=" + end, token)
                .json().get("appointments");
        assertThat(ids(inside)).contains(third.get("id").asText());
        for (var a : inside) {
            assertThat(Instant.parse(a.get("time").asText())).isBefore(end);
            assertThat(Instant.parse(a.get("end").asText())).isAfter(start);
        }
        // open-ended ranges split the list without losing or repeating anything
        var before = fx.get(ApiService.CALENDAR, "/api/appointments?to=" + start, token).json().get("appointments");
        var after = fx.get(ApiService.CALENDAR, "/api/appointments?from=" + start, token).json().get("appointments");
        assertThat(before.size() + after.size()).isGreaterThanOrEqualTo(all.size());
        assertThat(ids(after)).contains(third.get("id").asText()).doesNotContain(all.get(0).get("id").asText());
        // a range far away is empty; dates are accepted as midnight UTC
        assertThat(fx.get(ApiService.CALENDAR, "/api/appointments?from=2001-01-01&to=2001-01-02", token)
                .json().get("appointments").size()).isZero();
    }

    @Test
    void getAppointmentsWithABadRangeThen400InvalidRequest() throws Exception {
        fx = ApiFixture.start(dir, b -> b);
        var token = fx.token("auth0|alice", BOTH);
        for (var query : List.of("from=yesterday", "to=2026-13-45T00:00:00Z", "from=2026-12-05T00:00:00Z&to=2026-12-04T00:00:00Z")) {
            var answer = fx.get(ApiService.CALENDAR, "/api/appointments?" + query, token);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
        }
    }

    @Test
    void getByIdReturnsTheOwnersRowAnd404ForAnybodyElse() throws Exception {
        fx = ApiFixture.start(dir, b -> b);
        var alice = fx.token("auth0|alice", BOTH);
        var bob = fx.token("auth0|bob", BOTH);
        var aliceContact = fx.get(ApiService.CONTACTS, "/api/contacts", alice).json().get("contacts").get(0);
        var aliceAppointment = fx.get(ApiService.CALENDAR, "/api/appointments", alice).json().get("appointments").get(0);
        var contactPath = "/api/contacts/" + aliceContact.get("id").asText();
        var appointmentPath = "/api/appointments/" + aliceAppointment.get("id").asText();

        assertThat(fx.get(ApiService.CONTACTS, contactPath, alice).json()).isEqualTo(aliceContact);
        assertThat(fx.get(ApiService.CALENDAR, appointmentPath, alice).json()).isEqualTo(aliceAppointment);

        var foreignContact = fx.get(ApiService.CONTACTS, contactPath, bob);
        assertThat(foreignContact.status()).isEqualTo(404);
        assertThat(foreignContact.json().get("error").asText()).isEqualTo("not_found");
        assertThat(fx.get(ApiService.CALENDAR, appointmentPath, bob).status()).isEqualTo(404);
        assertThat(fx.get(ApiService.CONTACTS, "/api/contacts/no-such-id", alice).status()).isEqualTo(404);
        assertThat(fx.get(ApiService.CONTACTS, contactPath + "/more", alice).status()).isEqualTo(404);
    }

    @Test
    void twoUsersNeverSeeEachOthersRows() throws Exception {
        fx = ApiFixture.start(dir, b -> b);
        var alice = fx.token("auth0|alice", BOTH);
        var bob = fx.token("auth0|bob", BOTH);
        var aliceContacts = ids(fx.get(ApiService.CONTACTS, "/api/contacts", alice).json().get("contacts"));
        var bobContacts = ids(fx.get(ApiService.CONTACTS, "/api/contacts", bob).json().get("contacts"));
        var aliceAppointments = ids(fx.get(ApiService.CALENDAR, "/api/appointments", alice).json().get("appointments"));
        var bobAppointments = ids(fx.get(ApiService.CALENDAR, "/api/appointments", bob).json().get("appointments"));
        assertThat(aliceContacts).hasSize(12).doesNotContainAnyElementsOf(bobContacts);
        assertThat(bobContacts).hasSize(12);
        assertThat(aliceAppointments).isNotEmpty().doesNotContainAnyElementsOf(bobAppointments);
        // a machine (client-credentials) subject is a user of its own
        var machine = fx.token("organizer-m2m@clients", BOTH);
        assertThat(ids(fx.get(ApiService.CONTACTS, "/api/contacts", machine).json().get("contacts")))
                .doesNotContainAnyElementsOf(aliceContacts);
    }

    @Test
    void restartKeepsTheDataAndDoesNotSeedAgain() throws Exception {
        fx = ApiFixture.start(dir, b -> b);
        var token = fx.token("auth0|alice", BOTH);
        var contacts = fx.get(ApiService.CONTACTS, "/api/contacts", token).json();
        var appointments = fx.get(ApiService.CALENDAR, "/api/appointments", token).json();
        var jwks = fx.jwks;
        fx.api.stop();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .contains("contacts.mv.db", "calendar.mv.db");

        var restarted = ApiFixture.start(jwks, dir, b -> b);
        fx = restarted;
        assertThat(fx.get(ApiService.CONTACTS, "/api/contacts", token).json()).isEqualTo(contacts);
        assertThat(fx.get(ApiService.CALENDAR, "/api/appointments", token).json()).isEqualTo(appointments);
    }

    @Test
    void singlePortModeServesBothPathsOnOnePort() throws Exception {
        fx = ApiFixture.start(dir, b -> b.port(0));
        assertThat(fx.api.port(ApiService.CONTACTS)).isEqualTo(fx.api.port(ApiService.CALENDAR));
        var token = fx.token("auth0|alice", BOTH);
        assertThat(fx.get(ApiService.CONTACTS, "/api/contacts", token).status()).isEqualTo(200);
        assertThat(fx.get(ApiService.CONTACTS, "/api/appointments", token).status()).isEqualTo(200);
        var contactsOnly = fx.token("auth0|alice", "read:contacts");
        assertThat(fx.get(ApiService.CALENDAR, "/api/appointments", contactsOnly).status()).isEqualTo(403);
    }

    @Test
    void serviceAloneServesOnlyItsOwnPath() throws Exception {
        fx = ApiFixture.start(dir, b -> b.services(EnumSet.of(ApiService.CALENDAR)));
        assertThat(fx.api.serves(ApiService.CONTACTS)).isFalse();
        var token = fx.token("auth0|alice", BOTH);
        assertThat(fx.get(ApiService.CALENDAR, "/api/appointments", token).status()).isEqualTo(200);
        var contactsHere = fx.get(ApiService.CALENDAR, "/api/contacts", token);
        assertThat(contactsHere.status()).isEqualTo(404);
        assertThat(contactsHere.header("Content-Type")).startsWith("application/json");
        assertThat(Files.exists(dir.resolve("contacts.mv.db"))).isFalse();
    }

    private List<String> search(String token, String q) {
        return names(fx.get(ApiService.CONTACTS, "/api/contacts?q=" + q, token).json().get("contacts"));
    }

    private static List<String> ids(JsonNode rows) {
        var ids = new ArrayList<String>();
        rows.forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    private static List<String> names(JsonNode contacts) {
        var names = new ArrayList<String>();
        contacts.forEach(c -> names.add(c.get("name").asText()));
        return names;
    }
}
