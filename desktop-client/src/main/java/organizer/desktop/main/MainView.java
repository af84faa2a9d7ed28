package organizer.desktop.main;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import organizer.desktop.api.OrganizerApiClient;
import organizer.desktop.api.Problem;
import organizer.desktop.calendar.CalendarView;
import organizer.desktop.calendar.CalendarViewModel;
import organizer.desktop.contacts.ContactsView;
import organizer.desktop.contacts.ContactsViewModel;
import organizer.desktop.session.Session;

/**
 * The main window's content after sign-in: the header (who is signed in, the granted scopes, refresh, logout),
 * the banner of the current view, and the Contacts and Calendar views. It starts loading both views at once.
 * Keyboard shortcuts are put on the scene while this view is in it: F5 / Ctrl+R refresh, Ctrl+F search contacts,
 * Ctrl+1 / Ctrl+2 switch view, Ctrl+Shift+Q log out (Cmd instead of Ctrl on macOS).
 */
public final class MainView extends BorderPane {

    /** The views, in the order of the navigation (and of Ctrl+1, Ctrl+2). */
    public enum Section { CONTACTS, CALENDAR }

    private final Session session;
    private final ContactsViewModel contactsModel;
    private final CalendarViewModel calendarModel;
    private final ContactsView contactsView;
    private final CalendarView calendarView;
    private final Header header;
    private final Banner banner;
    private final SimpleObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section", Section.CONTACTS);
    private final Shortcuts shortcuts;

    /** The usual entry point: API calls run on a small pool of daemon threads. */
    public MainView(Session session, OrganizerApiClient api) {
        this(session, api, defaultExecutor());
    }

    /** @param background where the API calls run (never the FX thread); results come back via Platform.runLater */
    public MainView(Session session, OrganizerApiClient api, Executor background) {
        this.session = session;
        contactsModel = new ContactsViewModel(session, api::contacts, background, Platform::runLater);
        calendarModel = new CalendarViewModel(session, api::appointments, background, Platform::runLater,
                Clock.systemDefaultZone());
        contactsView = new ContactsView(contactsModel);
        calendarView = new CalendarView(calendarModel);
        setId("mainView");
        getStyleClass().add("main-view");

        BooleanBinding busy = Bindings.createBooleanBinding(() -> currentLoading(), section,
                contactsModel.loadingProperty(), calendarModel.loadingProperty());
        header = new Header(session, section, busy, this::refresh);
        banner = new Banner(busy);
        banner.retry.setOnAction(e -> refresh(section.get()));
        banner.reauthorize.setOnAction(e -> {
            var problem = currentProblem();
            if (problem != null && problem.scope() != null) {
                session.reauthorize(problem.scope());
            }
        });
        setTop(new VBox(header, banner));
        widthProperty().addListener((obs, old, width) -> header.fit(width.doubleValue()));

        var content = new StackPane(contactsView, calendarView);
        content.getStyleClass().add("content");
        setCenter(content);

        section.addListener((obs, old, now) -> showSection());
        contactsModel.problemProperty().addListener((obs, old, now) -> banner.show(currentProblem()));
        calendarModel.problemProperty().addListener((obs, old, now) -> banner.show(currentProblem()));
        showSection();

        shortcuts = new Shortcuts();
        sceneProperty().addListener((obs, old, scene) -> {
            shortcuts.detach(old);
            shortcuts.attach(scene);
        });
        refresh();
    }

    /** Loads both views again (F5). */
    public void refresh() {
        contactsModel.load();
        calendarModel.refresh();
    }

    private void refresh(Section which) {
        if (which == Section.CONTACTS) {
            contactsModel.load();
        } else {
            calendarModel.refresh();
        }
    }

    public void show(Section which) {
        section.set(which);
    }

    public ReadOnlyObjectProperty<Section> sectionProperty() {
        return section;
    }

    /** For the shell's smoke test and screenshots. */
    public ContactsViewModel contactsModel() {
        return contactsModel;
    }

    public CalendarViewModel calendarModel() {
        return calendarModel;
    }

    private void showSection() {
        contactsView.setVisible(section.get() == Section.CONTACTS);
        calendarView.setVisible(section.get() == Section.CALENDAR);
        banner.show(currentProblem());
    }

    private Problem currentProblem() {
        return (section.get() == Section.CONTACTS ? contactsModel.problemProperty()
                : calendarModel.problemProperty()).get();
    }

    private boolean currentLoading() {
        return (section.get() == Section.CONTACTS ? contactsModel.loadingProperty()
                : calendarModel.loadingProperty()).get();
    }

    private static Executor defaultExecutor() {
        var count = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            var thread = new Thread(task, "organizer-api-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The window-wide keys, installed on the scene while this view is its content. */
    private final class Shortcuts {
        private final java.util.Map<KeyCombination, Runnable> keys = java.util.Map.of(
                new KeyCodeCombination(KeyCode.F5), MainView.this::refresh,
                new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), MainView.this::refresh,
                new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
                    show(Section.CONTACTS);
                    contactsView.focusSearch();
                },
                new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), () -> show(Section.CONTACTS),
                new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN), () -> show(Section.CALENDAR),
                new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                session::logout);

        void attach(Scene scene) {
            if (scene != null) {
                scene.getAccelerators().putAll(keys);
            }
        }

        void detach(Scene scene) {
            if (scene != null) {
                keys.keySet().forEach(key -> scene.getAccelerators().remove(key, keys.get(key)));
            }
        }
    }
}
