package organizer.desktop.session;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import organizer.common.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebView's cookie jar ({@link java.net.CookieHandler} is what WebView uses), with the authorization server's
 * cookies kept in an owner-only file in the user's data dir, so that a second instance or a restart finds the SSO
 * session and signs in silently. Only cookies of the authorization server's host are written; nothing is logged.
 */
public final class PersistentCookieStore implements CookieStore {
    private static final Logger LOG = LoggerFactory.getLogger(PersistentCookieStore.class);

    /** One cookie as written to the file; {@code expiresAt} is epoch seconds, or -1 for a cookie without Max-Age. */
    record Saved(String uri, String name, String value, String domain, String path, long expiresAt, boolean secure,
                 boolean httpOnly, int version) {
    }

    private final CookieStore memory = new CookieManager().getCookieStore();
    private final Path file;
    private final String host;
    private final URI origin;
    private final Clock clock;

    private PersistentCookieStore(Path file, URI authorizationServer, Clock clock) {
        this.file = file;
        this.host = authorizationServer.getHost().toLowerCase(Locale.ROOT);
        this.origin = authorizationServer.resolve("/");
        this.clock = clock;
    }

    /** Opens the store in {@code file}, reading what an earlier run left. An unreadable file is ignored (sign in again). */
    public static PersistentCookieStore open(Path file, URI authorizationServer, Clock clock) {
        var store = new PersistentCookieStore(file, authorizationServer, clock);
        store.load();
        return store;
    }

    /**
     * Makes this store the JVM's cookie handler, which every WebView uses. Call once, before the first page loads:
     * WebView's HTTP client takes the handler when it is first used and keeps it.
     */
    public CookieManager install() {
        var manager = new CookieManager(this, java.net.CookiePolicy.ACCEPT_ORIGINAL_SERVER);
        java.net.CookieHandler.setDefault(manager);
        return manager;
    }

    /** Forgets the cookies in memory and reads the file again (what a restart would find). */
    public synchronized void reload() {
        memory.removeAll();
        load();
    }

    /** True when the file held a cookie of the authorization server: a silent sign-in is worth trying. */
    public boolean hasAuthorizationServerCookies() {
        return memory.getCookies().stream().anyMatch(this::ours);
    }

    @Override
    public void add(URI uri, HttpCookie cookie) {
        // The JDK takes a Set-Cookie with Max-Age for an RFC 2965 cookie and would send it back as
        // `$Version="1"; name="value";$Path=…`; browsers and servers speak RFC 6265: `name=value`.
        cookie.setVersion(0);
        memory.add(uri, cookie);
        save();
    }

    @Override
    public List<HttpCookie> get(URI uri) {
        return memory.get(uri);
    }

    @Override
    public List<HttpCookie> getCookies() {
        return memory.getCookies();
    }

    @Override
    public List<URI> getURIs() {
        return memory.getURIs();
    }

    @Override
    public boolean remove(URI uri, HttpCookie cookie) {
        var removed = memory.remove(uri, cookie);
        save();
        return removed;
    }

    @Override
    public boolean removeAll() {
        var removed = memory.removeAll();
        save();
        return removed;
    }

    private boolean ours(HttpCookie cookie) {
        var domain = cookie.getDomain();
        return domain != null && (domain.equalsIgnoreCase(host) || domain.equalsIgnoreCase(host + ".local")
                || HttpCookie.domainMatches(domain, host));
    }

    private synchronized void save() {
        var now = clock.instant().getEpochSecond();
        var saved = new ArrayList<Saved>();
        for (var cookie : memory.getCookies()) { // getCookies() drops expired ones
            if (ours(cookie)) {
                saved.add(new Saved(origin.toString(), cookie.getName(), cookie.getValue(), cookie.getDomain(),
                        // HttpCookie hides its creation time: "now + Max-Age" errs late, and the server judges anyway.
                        cookie.getPath(), cookie.getMaxAge() < 0 ? -1 : now + cookie.getMaxAge(),
                        cookie.getSecure(), cookie.isHttpOnly(), cookie.getVersion()));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            var temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            createOwnerOnly(temp);
            Files.writeString(temp, Json.write(saved));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Could not keep the sign-in cookies in {}: {}", file, e.getMessage());
        }
    }

    private static void createOwnerOnly(Path path) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) { // not POSIX (Windows): the profile directory is the user's own
            Files.createFile(path);
        } catch (FileAlreadyExistsException e) {
            throw e;
        }
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        List<Saved> saved;
        try {
            saved = Json.MAPPER.readValue(Files.readString(file), new TypeReference<List<Saved>>() { });
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring unreadable sign-in cookies in {}", file);
            return;
        }
        var now = clock.instant().getEpochSecond();
        for (var s : saved) {
            if (s.expiresAt() >= 0 && s.expiresAt() <= now) {
                continue;
            }
            var cookie = new HttpCookie(s.name(), s.value());
            cookie.setDomain(s.domain());
            cookie.setPath(s.path());
            cookie.setMaxAge(s.expiresAt() < 0 ? -1 : s.expiresAt() - now);
            cookie.setSecure(s.secure());
            cookie.setHttpOnly(s.httpOnly());
            cookie.setVersion(0);
            memory.add(URI.create(s.uri()), cookie);
        }
    }
}
