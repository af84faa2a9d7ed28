package organizer.api.contacts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import organizer.api.http.JsonResponses;
import organizer.api.http.ReadOnlyServlet;
import organizer.api.security.RequireScopeFilter;
import organizer.api.storage.SampleSeeder;
import organizer.common.domain.Contact;
import organizer.common.oauth.OAuthError;
import organizer.common.oauth.OAuthException;

/**
 * The contacts API, mapped to {@code /api/contacts/*} behind the bearer and {@code read:contacts} filters:
 * {@code GET /api/contacts[?q=text]} → {@code {"contacts":[…]}} and {@code GET /api/contacts/{id}} → the contact,
 * or 404 when the caller owns no contact with that id.
 */
public final class ContactsServlet extends ReadOnlyServlet {
    private static final int MAX_QUERY = 200;

    private final ContactStore store;
    private final SampleSeeder seeder;

    /** {@code seeder} may be null: no sample data. */
    public ContactsServlet(ContactStore store, SampleSeeder seeder) {
        this.store = store;
        this.seeder = seeder;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var owner = RequireScopeFilter.subject(request);
        var path = request.getPathInfo();
        try {
            if (seeder != null) {
                seeder.ensureSeeded(owner);
            }
            if (path == null || path.equals("/")) {
                List<Contact> contacts = store.list(owner, query(request));
                JsonResponses.write(response, 200, Map.of("contacts", contacts));
                return;
            }
            var id = path.substring(1);
            var contact = id.contains("/") ? null : store.find(owner, id).orElse(null);
            if (contact == null) {
                JsonResponses.notFound(response, "No such contact");
            } else {
                JsonResponses.write(response, 200, contact);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("contacts store failed", e); // ErrorFilter logs it once: 500
        }
    }

    private static String query(HttpServletRequest request) {
        var q = request.getParameter("q");
        if (q != null && q.length() > MAX_QUERY) {
            throw new OAuthException(OAuthError.invalidRequest("q is longer than " + MAX_QUERY + " characters"));
        }
        return q;
    }
}
