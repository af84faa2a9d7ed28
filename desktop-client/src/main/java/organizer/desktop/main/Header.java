package organizer.desktop.main;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import organizer.common.domain.Scopes;
import organizer.desktop.contacts.Avatar;
import organizer.desktop.session.Session;

/** The top bar: brand, navigation, the API permissions, refresh, who is signed in, and Log out. */
final class Header extends HBox {

    Header(Session session, ObjectProperty<MainView.Section> section, ObservableBooleanValue busy, Runnable refresh) {
        setId("header");
        getStyleClass().add("app-header");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(14);

        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        // While the current view loads, a spinner takes the place of the refresh icon.
        var progress = new ProgressIndicator();
        progress.setId("progress");
        progress.getStyleClass().add("header-progress");
        progress.setPrefSize(16, 16);
        progress.setMaxSize(16, 16);
        progress.visibleProperty().bind(busy);
        var refreshIcon = new FontIcon(Feather.REFRESH_CW);
        refreshIcon.visibleProperty().bind(progress.visibleProperty().not());

        var refreshButton = new Button(null, new StackPane(refreshIcon, progress));
        refreshButton.setId("refresh");
        refreshButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refreshButton.setTooltip(new Tooltip("Refresh (F5)"));
        refreshButton.setOnAction(e -> refresh.run());

        var logout = new Button("Log out", new FontIcon(Feather.LOG_OUT));
        logout.setId("logout");
        logout.getStyleClass().add(Styles.BUTTON_OUTLINED);
        logout.setTooltip(new Tooltip("Log out of Organizer (Ctrl+Shift+Q)"));
        logout.setOnAction(e -> session.logout());

        var brand = brand();
        getChildren().addAll(brand, navigation(section), spacer, scopes(session), refreshButton,
                divider(), user(session), logout);

        this.brandName = brand.getChildren().get(1);
        this.logout = logout;
        logout.setMinWidth(Region.USE_PREF_SIZE);
    }

    private final javafx.scene.Node brandName;
    private final Button logout;

    /**
     * Narrow windows: the word mark goes and Log out keeps only its icon, so nothing is cut to "…". Driven by the
     * window's width (the header's own width never drops below what it needs).
     */
    void fit(double windowWidth) {
        var narrow = windowWidth < NARROW;
        brandName.setVisible(!narrow);
        brandName.setManaged(!narrow);
        logout.setContentDisplay(narrow ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
    }

    /** Below this width the header drops the word mark and the Log out label. */
    private static final double NARROW = 1100;

    private static HBox brand() {
        var icon = new FontIcon(Feather.LAYERS);
        icon.getStyleClass().add("brand-icon");
        var mark = new StackPane(icon);
        mark.getStyleClass().add("brand-mark");
        var name = new Label("Organizer");
        name.getStyleClass().add("brand-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        var brand = new HBox(10, mark, name);
        brand.setAlignment(Pos.CENTER_LEFT);
        brand.getStyleClass().add("brand");
        return brand;
    }

    private static HBox navigation(ObjectProperty<MainView.Section> section) {
        var group = new ToggleGroup();
        var contacts = tab("contactsTab", "Contacts", Feather.USERS, "Ctrl+1", group, Styles.LEFT_PILL);
        var calendar = tab("calendarTab", "Calendar", Feather.CALENDAR, "Ctrl+2", group, Styles.RIGHT_PILL);
        contacts.setUserData(MainView.Section.CONTACTS);
        calendar.setUserData(MainView.Section.CALENDAR);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                section.set((MainView.Section) now.getUserData());
            }
        });
        Runnable sync = () -> (section.get() == MainView.Section.CONTACTS ? contacts : calendar).setSelected(true);
        section.addListener((obs, old, now) -> sync.run());
        sync.run();
        var nav = new HBox(contacts, calendar);
        nav.setId("navigation");
        nav.setAlignment(Pos.CENTER_LEFT);
        return nav;
    }

    private static ToggleButton tab(String id, String text, Feather icon, String key, ToggleGroup group,
                                    String pill) {
        var button = new ToggleButton(text, new FontIcon(icon));
        button.setId(id);
        button.setToggleGroup(group);
        button.getStyleClass().addAll(pill, "nav-tab");
        button.setTooltip(new Tooltip(text + " (" + key + ")"));
        button.setMinWidth(Region.USE_PREF_SIZE);
        // A navigation toggle stays on when clicked again.
        button.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (button.isSelected()) {
                e.consume();
            }
        });
        return button;
    }

    /** The two API permissions, granted (check) or not (lock); all granted scopes in the tooltip. */
    private static HBox scopes(Session session) {
        var granted = session.scopes();
        var tags = new ArrayList<Label>();
        for (var scope : List.of(Scopes.READ_CONTACTS, Scopes.READ_CALENDAR)) {
            var has = granted.contains(scope);
            var tag = new Label(scope, new FontIcon(has ? Feather.CHECK : Feather.LOCK));
            tag.getStyleClass().addAll("scope-tag", has ? "scope-granted" : "scope-missing");
            tag.setTooltip(new Tooltip(has ? "Organizer may " + scope.replace(':', ' ') + "."
                    : "Not granted: Organizer cannot " + scope.replace(':', ' ') + "."));
            tag.setMinWidth(Region.USE_PREF_SIZE);
            tags.add(tag);
        }
        var box = new HBox(6);
        box.getChildren().addAll(tags);
        box.setId("scopes");
        box.setAlignment(Pos.CENTER);
        Tooltip.install(box, new Tooltip("Granted scopes: " + String.join(" ", new TreeSet<>(granted))));
        return box;
    }

    private static Separator divider() {
        var separator = new Separator(Orientation.VERTICAL);
        separator.getStyleClass().add("header-divider");
        return separator;
    }

    private static HBox user(Session session) {
        var profile = session.user();
        var avatar = new Avatar(17);
        avatar.setId("avatar");
        avatar.show(profile.name(), profile.email());
        var name = new Label(profile.name() != null && !profile.name().isBlank() ? profile.name() : profile.email());
        name.setId("userName");
        name.getStyleClass().add("user-name");
        var email = new Label(profile.email() == null ? "" : profile.email());
        email.setId("userEmail");
        email.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        var text = new VBox(0, name, email);
        text.setAlignment(Pos.CENTER_LEFT);
        var user = new HBox(10, avatar, text);
        user.setId("user");
        user.setAlignment(Pos.CENTER_LEFT);
        user.setMinWidth(Region.USE_PREF_SIZE);
        return user;
    }
}
