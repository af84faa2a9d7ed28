package organizer.desktop.session;

/** Who is signed in, from the verified ID token's claims. {@code picture} may be null. */
public record UserProfile(String subject, String name, String email, String picture) {

    /** The letter shown in the avatar when there is no picture. */
    public String initial() {
        var source = name != null && !name.isBlank() ? name : email;
        return source == null || source.isBlank() ? "?" : source.substring(0, 1).toUpperCase();
    }
}
