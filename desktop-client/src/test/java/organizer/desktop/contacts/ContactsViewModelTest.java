package organizer.desktop.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import organizer.common.domain.Contact;
import organizer.desktop.api.ApiException;
import organizer.desktop.api.Problem;
import organizer.desktop.testing.FixedTokenSession;
import org.junit.jupiter.api.Test;

class ContactsViewModelTest {
    private static final List<Contact> BOOK = List.of(
            new Contact("1", "Ana Ribeiro", "ana.ribeiro@example.com", "+1 202-555-0143", "Northwind Traders", null),
            new Contact("2", "Benjamin Okafor", "ben.okafor@example.org", "+1 312-555-0178", "Contoso Ltd", null),
            new Contact("3", "Grace Liu", "grace.liu@example.net", "+1 206-555-0112", "Woodgrove Bank", null));

    private final FixedTokenSession session = new FixedTokenSession("token", "openid read:contacts",
            FixedTokenSession.alice());

    private ContactsViewModel model(Supplier<List<Contact>> source) {
        return new ContactsViewModel(session, source, Runnable::run, Runnable::run);
    }

    @Test
    void loadShowsAllContactsAndCountsThem() {
        var model = model(() -> BOOK);
        model.load();
        assertThat(model.shown()).containsExactlyElementsOf(BOOK);
        assertThat(model.summary().get()).isEqualTo("3 contacts");
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.problemProperty().get()).isNull();
    }

    @Test
    void searchMatchesEveryWordInNameEmailCompanyOrPhoneIgnoringCase() {
        var model = model(() -> BOOK);
        model.load();
        model.searchProperty().set("GRACE");
        assertThat(model.shown()).extracting(Contact::id).containsExactly("3");
        model.searchProperty().set("contoso ben");
        assertThat(model.shown()).extracting(Contact::id).containsExactly("2");
        model.searchProperty().set("555-0143");
        assertThat(model.shown()).extracting(Contact::id).containsExactly("1");
        assertThat(model.summary().get()).isEqualTo("1 of 3 contacts");
        model.searchProperty().set("nobody");
        assertThat(model.shown()).isEmpty();
        model.searchProperty().set("  ");
        assertThat(model.shown()).hasSize(3);
    }

    @Test
    void withoutTheScopeItSaysSoAndDoesNotCallTheApi() {
        var calls = new AtomicInteger();
        var withoutContacts = new FixedTokenSession("token", "openid read:calendar", FixedTokenSession.alice());
        var model = new ContactsViewModel(withoutContacts, () -> {
            calls.incrementAndGet();
            return BOOK;
        }, Runnable::run, Runnable::run);
        model.load();
        assertThat(calls).hasValue(0);
        var problem = model.problemProperty().get();
        assertThat(problem.action()).isEqualTo(Problem.Action.REAUTHORIZE);
        assertThat(problem.scope()).isEqualTo("read:contacts");
        assertThat(problem.message()).startsWith("Organizer was not given access to your contacts");
    }

    @Test
    void aNetworkFailureOffersRetryAndKeepsTheRowsThenARetryClearsIt() {
        var fail = new boolean[] {false};
        var model = model(() -> {
            if (fail[0]) {
                throw ApiException.network("contacts", new java.io.IOException("refused"));
            }
            return BOOK;
        });
        model.load();
        fail[0] = true;
        model.load();
        assertThat(model.problemProperty().get().action()).isEqualTo(Problem.Action.RETRY);
        assertThat(model.shown()).hasSize(3);
        assertThat(model.loadingProperty().get()).isFalse();
        fail[0] = false;
        model.load();
        assertThat(model.problemProperty().get()).isNull();
    }

    @Test
    void aForbiddenAnswerAsksToReauthorizeForTheNamedScope() {
        var model = model(() -> {
            throw ApiException.forbidden("read:contacts");
        });
        model.load();
        assertThat(model.problemProperty().get().action()).isEqualTo(Problem.Action.REAUTHORIZE);
        assertThat(model.problemProperty().get().scope()).isEqualTo("read:contacts");
    }

    @Test
    void theSelectionSurvivesAReloadByIdAndIsDroppedWhenTheContactIsGone() {
        var book = new Object() {
            List<Contact> value = BOOK;
        };
        var model = model(() -> book.value);
        model.load();
        model.selectedProperty().set(BOOK.get(1));
        model.load();
        assertThat(model.selectedProperty().get()).isEqualTo(BOOK.get(1));
        book.value = List.of(BOOK.get(0));
        model.load();
        assertThat(model.selectedProperty().get()).isNull();
    }

    @Test
    void anAnswerToAnOlderCallIsDropped() {
        var pending = new java.util.ArrayList<Runnable>();
        var answers = new java.util.ArrayDeque<>(List.of(BOOK, List.of(BOOK.get(2))));
        var model = new ContactsViewModel(session, answers::poll, pending::add, Runnable::run);
        model.load();
        model.load();
        pending.get(1).run(); // the newer call answers first (the whole book)
        pending.get(0).run(); // then the older one (one contact), which must not overwrite it
        assertThat(model.shown()).containsExactlyElementsOf(BOOK);
    }
}
