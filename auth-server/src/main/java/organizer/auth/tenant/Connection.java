package organizer.auth.tenant;

/** A login connection; only the email/password database strategy ({@code auth0}) exists here. */
public record Connection(String name, String strategy) {
}
