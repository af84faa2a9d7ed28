package organizer.auth.tenant;

import java.time.Duration;
import java.util.List;

/**
 * Tenant-wide settings, in Auth0's names ({@code GET /api/v2/tenants/settings}): session lifetimes in hours
 * ({@code session_lifetime} absolute, {@code idle_session_lifetime} without activity), tenant-level
 * {@code allowed_logout_urls}, and {@code flags}.
 */
public record TenantSettings(String friendlyName, Double sessionLifetime, Double idleSessionLifetime,
                             List<String> allowedLogoutUrls, Flags flags) {

    /**
     * @param strictLocalhostConsent Auth0 never skips consent for a {@code localhost} callback, so there
     *                               {@code prompt=none} answers {@code consent_required}; off by default here
     */
    public record Flags(Boolean strictLocalhostConsent) {
        public Flags {
            strictLocalhostConsent = strictLocalhostConsent != null && strictLocalhostConsent;
        }
    }

    public TenantSettings {
        friendlyName = friendlyName == null ? "Organizer" : friendlyName;
        sessionLifetime = sessionLifetime == null ? 168.0 : sessionLifetime;
        idleSessionLifetime = idleSessionLifetime == null ? 72.0 : idleSessionLifetime;
        allowedLogoutUrls = allowedLogoutUrls == null ? List.of() : List.copyOf(allowedLogoutUrls);
        flags = flags == null ? new Flags(false) : flags;
    }

    public static TenantSettings defaults() {
        return new TenantSettings(null, null, null, null, null);
    }

    public Duration absoluteSessionLifetime() {
        return Duration.ofMillis(Math.round(sessionLifetime * 3_600_000));
    }

    public Duration idleSessionLifetimeDuration() {
        return Duration.ofMillis(Math.round(idleSessionLifetime * 3_600_000));
    }
}
