package organizer.auth.tenant;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt password hashing (cost 10, as Auth0 uses), through a well-kept library rather than hand-written crypto. */
public final class Passwords {
    private static final int COST = 10;
    /** Verified against when the user does not exist, so that timing does not tell which emails are registered. */
    private static final String DUMMY = hash("not-a-password-" + Ids.hex(8));

    private Passwords() {
    }

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public static boolean matches(String password, String hash) {
        var result = BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                (hash == null ? DUMMY : hash).getBytes(StandardCharsets.UTF_8));
        return hash != null && result.verified;
    }

    /** Auth0's default database connection policy ("fair"): at least 8 characters. bcrypt reads 72 bytes at most. */
    public static String problem(String password) {
        if (password == null || password.length() < 8) {
            return "Password is too weak: use at least 8 characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return "Password is too long: use at most 72 bytes";
        }
        return null;
    }
}
