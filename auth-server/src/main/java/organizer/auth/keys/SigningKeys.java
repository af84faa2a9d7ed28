package organizer.auth.keys;

import com.auth0.jwt.algorithms.Algorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import organizer.auth.db.Jdbc;
import organizer.auth.tenant.Ids;

/**
 * The tenant's RS256 signing keys. RSA-2048 pairs are generated at runtime (never in the repo): the public half is a
 * database row, the private half a PKCS#8 file {@code <dataDir>/keys/<kid>.key} readable by the owner only. The
 * {@code kid} is the RFC 7638 thumbprint of the public key. {@link #rotate()} makes a new key the signing key and
 * retires the old one, which the JWKS keeps listing until every token it signed has expired.
 */
public final class SigningKeys {
    /** One key; {@code privateKey} is null for a retired key whose file is gone. */
    public record Key(String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey, Instant createdAt,
                      Instant retiredAt, Algorithm algorithm) {
    }

    private final Jdbc jdbc;
    private final Path keyDir;
    private final Clock clock;
    private final Duration retention;
    private volatile List<Key> keys; // newest first

    private SigningKeys(Jdbc jdbc, Path keyDir, Clock clock, Duration retention) {
        this.jdbc = jdbc;
        this.keyDir = keyDir;
        this.clock = clock;
        this.retention = retention;
    }

    /** Loads the keys, generating the first one on first start. {@code retention}: the longest token lifetime. */
    public static SigningKeys open(Jdbc jdbc, Path dataDir, Clock clock, Duration retention) {
        var keys = new SigningKeys(jdbc, dataDir.resolve("keys"), clock, retention);
        keys.reload();
        if (keys.keys.stream().noneMatch(k -> k.retiredAt() == null && k.privateKey() != null)) {
            keys.rotate();
        }
        return keys;
    }

    /** The key new tokens are signed with. */
    public Key current() {
        return keys.stream().filter(k -> k.retiredAt() == null && k.privateKey() != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("no signing key"));
    }

    /** The keys a verifier may meet: the current one and retired ones whose tokens may still be valid. */
    public List<Key> published() {
        var cutoff = clock.instant().minus(retention);
        return keys.stream().filter(k -> k.retiredAt() == null || k.retiredAt().isAfter(cutoff)).toList();
    }

    public Optional<RSAPublicKey> publicKey(String kid) {
        return published().stream().filter(k -> k.kid().equals(kid)).map(Key::publicKey).findFirst();
    }

    /** Adds a new signing key and retires the current one (still published for {@code retention}). */
    public synchronized Key rotate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            var publicKey = (RSAPublicKey) pair.getPublic();
            var kid = thumbprint(publicKey);
            writePrivate(kid, pair.getPrivate().getEncoded());
            var now = clock.instant().getEpochSecond();
            jdbc.transaction(c -> {
                Jdbc.update(c, "UPDATE signing_keys SET retired_at = ? WHERE retired_at IS NULL", now);
                Jdbc.update(c, "INSERT INTO signing_keys (kid, public_key, created_at) VALUES (?, ?, ?)", kid,
                        Base64.getEncoder().encodeToString(publicKey.getEncoded()), now);
                return null;
            });
            reload();
            return current();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code {"keys":[{"kty","use","alg","kid","n","e"}]}}, newest first. */
    public Map<String, Object> jwks() {
        var list = new ArrayList<Map<String, Object>>();
        for (var key : published()) {
            var jwk = new LinkedHashMap<String, Object>();
            jwk.put("kty", "RSA");
            jwk.put("use", "sig");
            jwk.put("alg", "RS256");
            jwk.put("kid", key.kid());
            jwk.put("n", base64Url(key.publicKey().getModulus()));
            jwk.put("e", base64Url(key.publicKey().getPublicExponent()));
            list.add(jwk);
        }
        return Map.of("keys", list);
    }

    /** RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace, base64url. */
    public static String thumbprint(RSAPublicKey key) {
        var canonical = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(key.getModulus()) + "\"}";
        return Ids.sha256(canonical);
    }

    private void reload() {
        var loaded = jdbc.query("SELECT kid, public_key, created_at, retired_at FROM signing_keys", r -> {
            var kid = r.getString(1);
            var publicKey = decodePublic(r.getString(2));
            var privateKey = readPrivate(kid);
            long retired = r.getLong(4);
            var retiredAt = r.wasNull() ? null : Instant.ofEpochSecond(retired);
            return new Key(kid, publicKey, privateKey, Instant.ofEpochSecond(r.getLong(3)), retiredAt,
                    Algorithm.RSA256(publicKey, privateKey));
        });
        loaded.sort(Comparator.comparing(Key::createdAt).thenComparing((Key k) -> k.retiredAt() == null ? 1 : 0).reversed());
        keys = List.copyOf(loaded);
    }

    private static RSAPublicKey decodePublic(String base64) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored public key is damaged", e);
        }
    }

    private RSAPrivateKey readPrivate(String kid) {
        var file = keyDir.resolve(kid + ".key");
        if (!Files.exists(file)) {
            return null;
        }
        try {
            var der = Base64.getMimeDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", ""));
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key file is damaged: " + file, e);
        }
    }

    /** Written to a temporary owner-only file first, then moved into place: never readable by others, never half. */
    private void writePrivate(String kid, byte[] pkcs8) {
        try {
            Files.createDirectories(keyDir);
            var posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.setPosixFilePermissions(keyDir, PosixFilePermissions.fromString("rwx------"));
            }
            var temp = posix
                    ? Files.createTempFile(keyDir, kid, ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(keyDir, kid, ".tmp");
            var pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n";
            Files.writeString(temp, pem, StandardCharsets.US_ASCII);
            Files.move(temp, keyDir.resolve(kid + ".key"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write signing key to " + keyDir, e);
        }
    }

    static String base64Url(BigInteger value) {
        var bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
