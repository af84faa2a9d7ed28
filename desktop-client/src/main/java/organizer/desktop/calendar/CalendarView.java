package organizer.desktop.calendar;

import atlantafx.base.theme.Styles;
import com.calendarfx.model.Calendar;
import com.calendarfx.model.CalendarSource;
import com.calendarfx.model.Entry;
import com.calendarfx.model.Interval;
import com.calendarfx.view.DayViewBase;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import organizer.common.domain.Appointment;

/**
 * The calendar: CalendarFX's day / week / month pages (with its "Today" and back / forward navigation) showing the
 * appointments read-only, and an agenda of what is ahead beside it.
 */
public final class CalendarView extends BorderPane {
    private static final java.time.Duration DEFAULT_LENGTH = java.time.Duration.ofHours(1);

    private final CalendarViewModel model;
    private final com.calendarfx.view.CalendarView calendarView = new com.calendarfx.view.CalendarView();
    private final Calendar<Appointment> calendar = new Calendar<>("Appointments");
    private final ListView<Appointment> agenda = new ListView<>();
    /** CalendarFX's "today" and the red now-line do not move on their own. */
    private final Timeline clock = new Timeline(new KeyFrame(Duration.seconds(30), e -> tick()));

    public CalendarView(CalendarViewModel model) {
        this.model = model;
        setId("calendarPane");
        getStyleClass().add("calendar-pane");
        configureCalendar();
        setCenter(calendarView);
        setRight(agendaPane());

        model.appointments().addListener((ListChangeListener<Appointment>) change -> showEntries());
        showEntries();
        calendarView.dateProperty().addListener((obs, old, date) -> model.show(date));

        clock.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                clock.stop();
            } else {
                tick();
                clock.play();
                Platform.runLater(this::keepToggleLabelsWhole);
            }
        });
    }

    private void configureCalendar() {
        calendarView.setId("calendarView");
        calendar.setStyle(Calendar.Style.STYLE1);
        calendar.setReadOnly(true);
        var source = new CalendarSource("Organizer");
        source.getCalendars().add(calendar);
        calendarView.getCalendarSources().setAll(source);
        calendarView.setDefaultCalendarProvider(control -> calendar);

        calendarView.setWeekFields(WeekFields.ISO);
        calendarView.setStartTime(LocalTime.of(8, 0));
        calendarView.setEndTime(LocalTime.of(19, 0));
        for (DayViewBase view : new DayViewBase[] {
                calendarView.getWeekPage().getDetailedWeekView(),
                calendarView.getWeekPage().getDetailedWeekView().getWeekView(),
                calendarView.getDayPage().getDetailedDayView(),
                calendarView.getDayPage().getDetailedDayView().getDayView()}) {
            view.setHoursLayoutStrategy(DayViewBase.HoursLayoutStrategy.FIXED_HOUR_COUNT);
            view.setVisibleHours(11);
            view.setEarlyLateHoursStrategy(DayViewBase.EarlyLateHoursStrategy.HIDE);
        }

        // Read-only: the appointments come from the calendar API; no creating, editing or context menus here.
        calendarView.getAvailablePages().remove(com.calendarfx.view.CalendarView.Page.YEAR);
        calendarView.setShowAddCalendarButton(false);
        calendarView.setShowPrintButton(false);
        calendarView.setShowSourceTrayButton(false);
        calendarView.setShowSearchField(false);
        calendarView.setShowDeveloperConsole(false);
        calendarView.setShowPageToolBarControls(false);
        calendarView.setEntryFactory(param -> null);
        calendarView.setEntryEditPolicy(param -> false);
        calendarView.setContextMenuCallback(param -> null);
        calendarView.setEntryContextMenuCallback(param -> null);
        calendarView.showWeekPage();
        tick();
    }

    private VBox agendaPane() {
        var title = new Label("Agenda");
        title.getStyleClass().add(Styles.TITLE_4);
        var caption = new Label();
        caption.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        caption.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            var count = model.agenda().size();
            if (model.problemProperty().get() != null) {
                return "Not loaded";
            }
            return count == 0 ? "Nothing ahead" : count + (count == 1 ? " appointment ahead" : " appointments ahead");
        }, model.agenda(), model.problemProperty()));
        var header = new VBox(2, title, caption);
        header.getStyleClass().add("agenda-header");

        agenda.setId("agendaList");
        agenda.getStyleClass().add("agenda-list");
        agenda.setItems(model.agenda());
        agenda.setCellFactory(list -> new AgendaCell(model.zone()));
        agenda.placeholderProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> emptyAgenda(model.problemProperty().get()), model.problemProperty()));
        agenda.getSelectionModel().selectedItemProperty().addListener((obs, old, appointment) -> {
            if (appointment != null) {
                calendarView.setDate(LocalDate.ofInstant(appointment.time(), model.zone()));
            }
        });
        VBox.setVgrow(agenda, Priority.ALWAYS);
        var pane = new VBox(header, agenda);
        pane.setId("agenda");
        pane.getStyleClass().add("agenda-pane");
        pane.setPrefWidth(290);
        pane.setMinWidth(240);
        return pane;
    }

    private static Label emptyAgenda(organizer.desktop.api.Problem problem) {
        var icon = new org.kordamp.ikonli.javafx.FontIcon(problem == null ? Feather.SUN
                : problem.action() == organizer.desktop.api.Problem.Action.REAUTHORIZE ? Feather.LOCK : Feather.WIFI_OFF);
        icon.getStyleClass().add("empty-icon");
        var label = new Label(problem == null ? "No appointments ahead" : problem.title(), icon);
        label.setWrapText(true);
        label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        label.setPadding(new javafx.geometry.Insets(24));
        label.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        label.getStyleClass().addAll("empty-state", Styles.TEXT_MUTED);
        return label;
    }

    private void showEntries() {
        var entries = new ArrayList<Entry<?>>();
        for (var appointment : model.appointments()) {
            var end = appointment.end() != null ? appointment.end() : appointment.time().plus(DEFAULT_LENGTH);
            var entry = new Entry<Appointment>(appointment.title(),
                    new Interval(appointment.time(), end, model.zone()));
            if (appointment.id() != null) {
                entry.setId(appointment.id());
            }
            entry.setLocation(appointment.location());
            entry.setUserObject(appointment);
            entries.add(entry);
        }
        calendar.startBatchUpdates();
        try {
            calendar.clear();
            calendar.addEntries(entries);
        } finally {
            calendar.stopBatchUpdates();
        }
    }

    private void tick() {
        var now = java.time.ZonedDateTime.now(model.zone());
        calendarView.setToday(now.toLocalDate());
        calendarView.setTime(now.toLocalTime());
    }

    /** Under AtlantaFX the Day / Week / Month toggles would truncate ("W…") in narrow windows. */
    private void keepToggleLabelsWhole() {
        calendarView.applyCss();
        calendarView.lookupAll(".toggle-button").forEach(node -> {
            if (node instanceof ToggleButton toggle) {
                toggle.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
    }

    /** Shows today's date in the current page (the shortcut and the agenda use it). */
    public void showToday() {
        calendarView.showDate(LocalDate.now(model.zone()));
    }

    /** The CalendarFX control, for tests and the window's snapshot. */
    public com.calendarfx.view.CalendarView calendarControl() {
        return calendarView;
    }
}
