package organizer.common.domain;

/**
 * One entry of a user's address book, as the contacts API serves it.
 * {@code name} and {@code email} are the fields of Auth0's reference sample; the rest are Organizer's additions.
 */
public record Contact(String id, String name, String email, String phone, String company, String notes) {

    /** The sample's shape: a name and an e-mail address. */
    public static Contact of(String id, String name, String email) {
        return new Contact(id, name, email, null, null, null);
    }
}
