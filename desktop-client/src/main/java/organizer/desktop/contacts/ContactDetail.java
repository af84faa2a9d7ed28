package organizer.desktop.contacts;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import organizer.common.domain.Contact;

/** The selected contact, large: avatar, name, company, then e-mail, phone and notes. */
final class ContactDetail extends StackPane {
    private final Avatar avatar = new Avatar(36);
    private final Label name = new Label();
    private final Label company = new Label();
    private final Label email = value("detailEmail");
    private final Label phone = value("detailPhone");
    private final Label organisation = value("detailCompany");
    private final Label notes = value("detailNotes");
    private final VBox card;
    private final javafx.scene.Node empty = ContactsView.emptyState(Feather.USER, "Select a contact to see the details");

    ContactDetail(ObjectProperty<Contact> selected) {
        setId("contactDetail");
        getStyleClass().add("contact-detail");
        name.setId("detailName");
        name.getStyleClass().add(Styles.TITLE_3);
        name.setWrapText(true);
        company.getStyleClass().add(Styles.TEXT_MUTED);
        notes.setWrapText(true);

        var fields = new GridPane();
        fields.getStyleClass().add("detail-fields");
        row(fields, 0, Feather.MAIL, "E-mail", email);
        row(fields, 1, Feather.PHONE, "Phone", phone);
        row(fields, 2, Feather.BRIEFCASE, "Company", organisation);
        row(fields, 3, Feather.FILE_TEXT, "Notes", notes);

        var head = new VBox(10, avatar, name, company);
        head.setAlignment(Pos.CENTER);
        card = new VBox(18, head, new Separator(), fields);
        card.getStyleClass().add("detail-card");
        var scroll = new ScrollPane(card);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("detail-scroll");
        getChildren().addAll(scroll, empty);
        setMinWidth(260);
        setPrefWidth(330);

        show(selected.get());
        selected.addListener((obs, old, contact) -> show(contact));
        scroll.visibleProperty().bind(selected.isNotNull());
        empty.visibleProperty().bind(selected.isNull());
    }

    private void show(Contact contact) {
        if (contact == null) {
            return;
        }
        avatar.show(contact.name(), contact.email());
        name.setText(orDash(contact.name()));
        company.setText(contact.company() == null ? "" : contact.company());
        email.setText(orDash(contact.email()));
        phone.setText(orDash(contact.phone()));
        organisation.setText(orDash(contact.company()));
        notes.setText(orDash(contact.notes()));
    }

    private static void row(GridPane grid, int row, Feather icon, String caption, Label value) {
        var graphic = new FontIcon(icon);
        graphic.getStyleClass().add("detail-icon");
        var label = new Label(caption);
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        var cell = new VBox(2, label, value);
        grid.add(graphic, 0, row);
        grid.add(cell, 1, row);
        GridPane.setValignment(graphic, javafx.geometry.VPos.TOP);
    }

    private static Label value(String id) {
        var label = new Label();
        label.setId(id);
        label.getStyleClass().add("detail-value");
        label.setWrapText(true);
        return label;
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "\u2014" : text;
    }
}
