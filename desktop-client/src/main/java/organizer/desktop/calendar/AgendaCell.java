package organizer.desktop.calendar;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import organizer.common.domain.Appointment;

/**
 * One appointment of the agenda: a date badge (shown on the first appointment of each day only, so days read as
 * groups), the title, and the time and place.
 */
final class AgendaCell extends ListCell<Appointment> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE", Locale.getDefault());
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.getDefault());

    private final ZoneId zone;
    private final Label weekday = new Label();
    private final Label day = new Label();
    private final VBox badge = new VBox(weekday, day);
    private final Label title = new Label();
    private final Label when = new Label();
    private final HBox layout;

    AgendaCell(ZoneId zone) {
        this.zone = zone;
        getStyleClass().add("agenda-cell");
        // As wide as the list, never wider: long titles and places end in "…" instead of a horizontal scroll bar.
        setPrefWidth(0);
        weekday.getStyleClass().add("agenda-weekday");
        day.getStyleClass().add("agenda-day");
        badge.getStyleClass().add("agenda-badge");
        badge.setAlignment(Pos.TOP_CENTER);
        badge.setMinWidth(44);
        title.getStyleClass().add(Styles.TEXT_BOLD);
        when.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        var text = new VBox(2, title, when);
        text.getStyleClass().add("agenda-text");
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        layout = new HBox(12, badge, text);
        layout.setAlignment(Pos.TOP_LEFT);
    }

    @Override
    protected void updateItem(Appointment appointment, boolean empty) {
        super.updateItem(appointment, empty);
        if (empty || appointment == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        var date = LocalDate.ofInstant(appointment.time(), zone);
        var previous = getIndex() > 0 && getIndex() - 1 < getListView().getItems().size()
                ? getListView().getItems().get(getIndex() - 1) : null;
        var firstOfDay = previous == null || !LocalDate.ofInstant(previous.time(), zone).equals(date);
        var today = LocalDate.now(zone);
        weekday.setText(date.equals(today) ? "TODAY" : WEEKDAY.format(date).toUpperCase(Locale.ROOT));
        day.setText(Integer.toString(date.getDayOfMonth()));
        badge.setVisible(firstOfDay);
        badge.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("today"), date.equals(today));
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("first-of-day"), firstOfDay);

        title.setText(appointment.title());
        var start = appointment.time().atZone(zone);
        var times = TIME.format(start) + (appointment.end() == null ? ""
                : " \u2013 " + TIME.format(appointment.end().atZone(zone)));
        if (!date.getMonth().equals(today.getMonth()) || date.getYear() != today.getYear()) {
            times = MONTH.format(date) + " " + date.getDayOfMonth() + " \u00b7 " + times;
        }
        var location = appointment.location();
        when.setText(location == null || location.isBlank() ? times : times + " \u00b7 " + location);
        setText(null);
        setGraphic(layout);
    }
}
