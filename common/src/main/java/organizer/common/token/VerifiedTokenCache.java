package organizer.common.token;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded, least-recently-used memory of tokens that passed verification, keyed by the SHA-256 of the token
 * (the token itself is never kept). An entry is used only while its {@code exp} has not passed, so an expired
 * token is rejected exactly as without the cache; the signature, issuer and audience were checked on entry and
 * cannot change for the same bytes.
 */
final class VerifiedTokenCache {
    static final int DEFAULT_SIZE = 10_000;

    private final int maxSize;
    private final Map<String, VerifiedToken> entries;

    VerifiedTokenCache(int maxSize) {
        this.maxSize = maxSize;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, VerifiedToken> eldest) {
                return size() > VerifiedTokenCache.this.maxSize;
            }
        };
    }

    /** The verified token for this hash, or null if unknown or expired at {@code expiredBefore}. */
    synchronized VerifiedToken get(String hash, Instant expiredBefore) {
        var token = entries.get(hash);
        if (token == null) {
            return null;
        }
        if (!token.expiresAt().isAfter(expiredBefore)) {
            entries.remove(hash);
            return null;
        }
        return token;
    }

    synchronized void put(String hash, VerifiedToken token) {
        if (maxSize > 0) {
            entries.put(hash, token);
        }
    }
}
