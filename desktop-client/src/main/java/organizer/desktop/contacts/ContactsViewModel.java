package organizer.desktop.contacts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import organizer.common.domain.Contact;
import organizer.common.domain.Scopes;
import organizer.desktop.api.Loader;
import organizer.desktop.api.Problem;
import organizer.desktop.session.Session;

/** The address book: all contacts, the search filter over them, the selected one, and the loading state. */
public final class ContactsViewModel {
    private final Session session;
    private final Supplier<List<Contact>> source;
    private final Loader loader;
    private final ObservableList<Contact> all = FXCollections.observableArrayList();
    private final FilteredList<Contact> shown = new FilteredList<>(all);
    // Kept, not made per call: a fresh wrapper would drop its listeners once garbage collected.
    private final ObservableList<Contact> allView = FXCollections.unmodifiableObservableList(all);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<Contact> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>(this, "problem");
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");

    /**
     * @param source     the call that fetches the contacts, e.g. {@code api::contacts}; it runs on {@code background}
     * @param background where calls run (never the FX thread in the app)
     * @param ui         where results are applied ({@code Platform::runLater} in the app)
     */
    public ContactsViewModel(Session session, Supplier<List<Contact>> source, Executor background, Executor ui) {
        this.session = session;
        this.source = source;
        this.loader = new Loader(background, ui);
        search.addListener((obs, old, text) -> shown.setPredicate(matcher(text)));
    }

    /** (Re)loads the contacts; without {@code read:contacts} it says so instead of asking the API. */
    public void load() {
        if (!session.scopes().contains(Scopes.READ_CONTACTS)) {
            loader.cancel();
            all.clear();
            loading.set(false);
            problem.set(Problem.notGranted(Scopes.READ_CONTACTS));
            return;
        }
        loading.set(true);
        loader.load(source, this::show, failure -> {
            loading.set(false);
            problem.set(Problem.of(failure, "contacts"));
        });
    }

    private void show(List<Contact> contacts) {
        var keep = selected.get() == null ? null : selected.get().id();
        all.setAll(contacts);
        selected.set(contacts.stream().filter(c -> keep != null && keep.equals(c.id())).findFirst().orElse(null));
        problem.set(null);
        loading.set(false);
        loaded.set(true);
    }

    /** Every word of the search must appear in the name, e-mail, company or phone (case-insensitive). */
    static java.util.function.Predicate<Contact> matcher(String text) {
        var words = text == null ? new String[0] : text.toLowerCase(Locale.ROOT).trim().split("\\s+");
        var needed = Arrays.stream(words).filter(w -> !w.isEmpty()).toList();
        if (needed.isEmpty()) {
            return null;
        }
        return contact -> {
            var haystack = String.join(" ", Stream.of(contact.name(), contact.email(), contact.company(),
                    contact.phone()).filter(Objects::nonNull).toList()).toLowerCase(Locale.ROOT);
            return needed.stream().allMatch(haystack::contains);
        };
    }

    /** The contacts the search lets through, in the order the API gave them (the table sorts its own view). */
    public ObservableList<Contact> shown() {
        return shown;
    }

    public ObservableList<Contact> all() {
        return allView;
    }

    /** "12 contacts", or "3 of 12 contacts" while searching. */
    public StringBinding summary() {
        return Bindings.createStringBinding(() -> {
            var total = all.size();
            var noun = total == 1 ? " contact" : " contacts";
            return shown.size() == total ? total + noun : shown.size() + " of " + total + noun;
        }, all, shown);
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Contact> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** True once a load succeeded: tells "no contacts" apart from "not loaded yet". */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem;
    }
}
