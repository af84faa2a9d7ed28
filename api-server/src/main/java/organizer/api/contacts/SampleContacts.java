package organizer.api.contacts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import organizer.common.domain.Contact;

/**
 * The address book a new user starts with: a dozen plausible people. Reserved names only (example.com/.org/.net
 * mail domains and 555-01xx phone numbers), so the sample never points at a real person.
 */
public final class SampleContacts {
    private static final List<String[]> PEOPLE = List.of(
            new String[] {"Ana Ribeiro", "ana.ribeiro@example.com", "+1 202-555-0143", "Northwind Traders", "Met at the spring trade fair"},
            new String[] {"Benjamin Okafor", "ben.okafor@example.org", "+1 312-555-0178", "Contoso Ltd", "Prefers calls in the morning"},
            new String[] {"Chloé Martin", "chloe.martin@example.net", "+33 1 55 50 01 22", "Fabrikam", "Speaks French and English"},
            new String[] {"Daniel Kim", "daniel.kim@example.com", "+1 415-555-0101", "Adventure Works", "Project lead for the Q3 rollout"},
            new String[] {"Elena Petrova", "elena.petrova@example.org", "+1 646-555-0190", "Tailspin Toys", null},
            new String[] {"Farid Haddad", "farid.haddad@example.com", "+1 617-555-0137", "Litware Inc", "Accountant"},
            new String[] {"Grace Liu", "grace.liu@example.net", "+1 206-555-0112", "Woodgrove Bank", "Loves hiking; ask about the Rockies trip"},
            new String[] {"Hannah Schmidt", "hannah.schmidt@example.com", "+49 30 5550 1784", "Wide World Importers", null},
            new String[] {"Isaac Mensah", "isaac.mensah@example.org", "+1 404-555-0156", "Proseware", "Dentist, Dr. Mensah"},
            new String[] {"Julia Rossi", "julia.rossi@example.com", "+39 06 5550 1290", "Alpine Ski House", "Sister's friend from Rome"},
            new String[] {"Kenji Watanabe", "kenji.watanabe@example.net", "+1 503-555-0165", "Coho Winery", "Book club on Thursdays"},
            new String[] {"Lucía Fernández", "lucia.fernandez@example.org", "+34 91 555 01 48", "Blue Yonder Airlines", "Travel agent"});

    private SampleContacts() {
    }

    /** Fresh contacts (new ids every call: ids are global, owners never share rows). */
    public static List<Contact> create() {
        return PEOPLE.stream()
                .map(p -> new Contact(UUID.randomUUID().toString(), p[0], p[1], p[2], p[3], p[4]))
                .toList();
    }

    /** The sample as a {@link organizer.api.storage.SampleSeeder.Sample}. */
    public static void write(Connection connection, String owner) throws SQLException {
        ContactStore.insert(connection, owner, create());
    }
}
