package organizer.desktop.contacts;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.Comparator;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import organizer.common.domain.Contact;

/** The address book: a search field over a sortable table, and the selected contact's details beside it. */
public final class ContactsView extends BorderPane {
    private final ContactsViewModel model;
    private final CustomTextField search = new CustomTextField();
    private final TableView<Contact> table = new TableView<>();

    public ContactsView(ContactsViewModel model) {
        this.model = model;
        setId("contactsView");
        getStyleClass().add("contacts-view");
        var split = new SplitPane(listPane(), new ContactDetail(model.selectedProperty()));
        split.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(split.getItems().get(1), false);
        setCenter(split);
    }

    /** Puts the caret in the search field (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private Node listPane() {
        search.setId("contactSearch");
        search.setPromptText("Search name, e-mail, company or phone");
        search.setLeft(new FontIcon(Feather.SEARCH));
        var clear = new Button(null, new FontIcon(Feather.X));
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        clear.setFocusTraversable(false);
        clear.setOnAction(e -> search.clear());
        clear.visibleProperty().bind(search.textProperty().isNotEmpty());
        search.setRight(clear);
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(420);

        var count = new Label();
        count.setId("contactCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(model.summary());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(12, search, spacer, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("view-toolbar");

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        var pane = new VBox(bar, table);
        pane.getStyleClass().add("list-pane");
        return pane;
    }

    private void buildTable() {
        table.setId("contactsTable");
        table.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "contacts-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var name = column("Name", Contact::name, 220);
        name.setCellFactory(c -> new NameCell());
        var email = column("E-mail", Contact::email, 220);
        var company = column("Company", Contact::company, 150);
        var phone = column("Phone", Contact::phone, 130);
        table.getColumns().setAll(java.util.List.of(name, email, company, phone));

        var sorted = new SortedList<>(model.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSortOrder().add(name);

        table.placeholderProperty().bind(Bindings.createObjectBinding(this::placeholder,
                model.loadingProperty(), model.loadedProperty(), model.searchProperty(), model.problemProperty()));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, contact) -> {
            if (contact != null) {
                model.selectedProperty().set(contact);
            }
        });
        model.selectedProperty().addListener((obs, old, contact) -> {
            if (contact != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(contact);
            }
        });
        // After a load with nothing selected, show the first contact rather than an empty detail pane.
        model.loadingProperty().addListener((obs, was, now) -> {
            if (!now && model.selectedProperty().get() == null && !sorted.isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        });
    }

    private Node placeholder() {
        if (model.loadingProperty().get() && !model.loadedProperty().get()) {
            var progress = new ProgressIndicator();
            progress.setPrefSize(32, 32);
            var label = new Label("Loading your contacts…", progress);
            label.setContentDisplay(ContentDisplay.TOP);
            label.getStyleClass().add(Styles.TEXT_MUTED);
            return label;
        }
        if (!model.loadedProperty().get()) {
            return emptyState(Feather.USERS, model.problemProperty().get() == null ? "No contacts yet"
                    : model.problemProperty().get().title());
        }
        var text = model.searchProperty().get();
        return text == null || text.isBlank() ? emptyState(Feather.USERS, "Your address book is empty")
                : emptyState(Feather.SEARCH, "No contact matches \u201c" + text.strip() + "\u201d");
    }

    static Node emptyState(Feather icon, String text) {
        var graphic = new FontIcon(icon);
        graphic.getStyleClass().add("empty-icon");
        var label = new Label(text, graphic);
        label.setContentDisplay(ContentDisplay.TOP);
        label.setGraphicTextGap(10);
        label.getStyleClass().addAll("empty-state", Styles.TEXT_MUTED);
        label.setPadding(new Insets(24));
        return label;
    }

    private static TableColumn<Contact, String> column(String title, java.util.function.Function<Contact, String> value,
                                                       double width) {
        var column = new TableColumn<Contact, String>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setComparator(Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
        column.setPrefWidth(width);
        return column;
    }

    /** The name with the person's avatar before it. */
    private static final class NameCell extends TableCell<Contact, String> {
        private final Avatar avatar = new Avatar(13);

        NameCell() {
            setGraphicTextGap(10);
        }

        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            if (empty) {
                setText(null);
                setGraphic(null);
                return;
            }
            var contact = getTableRow() == null ? null : getTableRow().getItem();
            avatar.show(name, contact == null ? null : contact.email());
            setText(name);
            setGraphic(avatar);
        }
    }
}
