package organizer.desktop.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javafx.application.Platform;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import organizer.common.domain.Appointment;
import organizer.common.domain.Contact;
import organizer.common.domain.Scopes;
import organizer.common.json.Json;
import organizer.desktop.session.Session;

/**
 * The two microservices of the logical API {@code organize}, called with the same access token. Calls block: the
 * view models run them on a background executor, never on the FX thread. A 401 renews the token silently once and
 * retries; what cannot be fixed here becomes an {@link ApiException} saying what the user can do.
 */
public final class OrganizerApiClient {
    /** How long a call waits for a silent renewal (a hidden WebView round trip) before giving up. */
    private static final Duration RENEWAL_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern SCOPE = Pattern.compile("scope=\"([^\"]*)\"");

    private final OkHttpClient http;
    private final HttpUrl contactsBase;
    private final HttpUrl calendarBase;
    private final Session session;
    private final Executor sessionThread;
    /** The renewal in flight, shared: contacts and calendar meeting the same expired token renew it once. */
    private CompletableFuture<Void> renewal;

    /** The app's client: the session is asked to renew on the FX thread, where its WebView lives. */
    public OrganizerApiClient(OkHttpClient http, URI contactsBaseUrl, URI calendarBaseUrl, Session session) {
        this(http, contactsBaseUrl, calendarBaseUrl, session, OrganizerApiClient::onFxThread);
    }

    /** @param sessionThread where {@link Session#renew()} is called ({@code Runnable::run} in tests without FX) */
    public OrganizerApiClient(OkHttpClient http, URI contactsBaseUrl, URI calendarBaseUrl, Session session,
                              Executor sessionThread) {
        this.http = http;
        this.contactsBase = HttpUrl.get(contactsBaseUrl.toString());
        this.calendarBase = HttpUrl.get(calendarBaseUrl.toString());
        this.session = session;
        this.sessionThread = sessionThread;
    }

    private static void onFxThread(Runnable task) {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    }

    /** {@code GET {contacts}/api/contacts} → the user's address book. */
    public List<Contact> contacts() {
        var url = contactsBase.newBuilder().addPathSegments("api/contacts").build();
        var body = get(url, "contacts", Scopes.READ_CONTACTS);
        return readList(body, "contacts", Contact.class);
    }

    /** {@code GET {calendar}/api/appointments?from=&to=} → the appointments starting in {@code [from, to)}. */
    public List<Appointment> appointments(Instant from, Instant to) {
        var url = calendarBase.newBuilder().addPathSegments("api/appointments")
                .addQueryParameter("from", from.toString())
                .addQueryParameter("to", to.toString())
                .build();
        var body = get(url, "calendar", Scopes.READ_CALENDAR);
        return readList(body, "appointments", Appointment.class);
    }

    private JsonNode get(HttpUrl url, String service, String scope) {
        var token = session.accessToken();
        var answer = send(url, service, token);
        if (answer.status == 401) {
            renewReplacing(token);
            answer = send(url, service, session.accessToken());
            if (answer.status == 401) {
                throw ApiException.signedOut(null);
            }
        }
        if (answer.status == 403) {
            throw ApiException.forbidden(scopeOf(answer.challenge, scope));
        }
        if (answer.status != 200) {
            throw ApiException.server(service, answer.status);
        }
        try {
            return Json.MAPPER.readTree(answer.body);
        } catch (IOException e) {
            throw new ApiException(ApiException.Kind.SERVER, 200, null, "The " + service + " service sent bad JSON", e);
        }
    }

    private Answer send(HttpUrl url, String service, String token) {
        var request = new Request.Builder().url(url)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .build();
        try (var response = http.newCall(request).execute()) {
            return new Answer(response.code(), response.header("WWW-Authenticate"), response.body().string());
        } catch (IOException e) {
            throw ApiException.network(service, e);
        }
    }

    /**
     * Makes sure the session holds a newer token than {@code rejected}: nothing to do if another call renewed it
     * meanwhile, joins a renewal in flight, else asks the session for one. Blocks (off the FX thread) until done.
     */
    private void renewReplacing(String rejected) {
        CompletableFuture<Void> pending;
        synchronized (this) {
            if (!rejected.equals(session.accessToken())) {
                return;
            }
            if (renewal == null || renewal.isDone()) {
                var started = new CompletableFuture<Void>();
                sessionThread.execute(() -> {
                    try {
                        session.renew().whenComplete((ok, failure) -> {
                            if (failure == null) {
                                started.complete(null);
                            } else {
                                started.completeExceptionally(failure);
                            }
                        });
                    } catch (RuntimeException e) {
                        started.completeExceptionally(e);
                    }
                });
                renewal = started;
            }
            pending = renewal;
        }
        try {
            pending.get(RENEWAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.signedOut(e);
        } catch (ExecutionException | TimeoutException e) {
            throw ApiException.signedOut(e);
        }
    }

    private static <T> List<T> readList(JsonNode body, String field, Class<T> type) {
        var items = body.path(field);
        if (!items.isArray()) {
            throw new ApiException(ApiException.Kind.SERVER, 200, null, "The answer has no \"" + field + "\" list", null);
        }
        try {
            return List.copyOf(Json.MAPPER.readerForListOf(type).readValue(items));
        } catch (IOException | IllegalArgumentException e) {
            throw new ApiException(ApiException.Kind.SERVER, 200, null, "The " + field + " could not be read", e);
        }
    }

    /** The scope a 403 names in its challenge (RFC 6750 §3), else the one the endpoint is known to need. */
    static String scopeOf(String challenge, String fallback) {
        if (challenge != null) {
            var matcher = SCOPE.matcher(challenge);
            if (matcher.find() && !matcher.group(1).isBlank()) {
                return matcher.group(1).trim().split(" +")[0];
            }
        }
        return fallback;
    }

    private record Answer(int status, String challenge, String body) {
    }
}
