package organizer.desktop.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import organizer.common.domain.Appointment;
import organizer.common.domain.Scopes;
import organizer.desktop.api.Loader;
import organizer.desktop.api.Problem;
import organizer.desktop.session.Session;

/**
 * The calendar: the appointments of a window of three months around the date shown (loaded again when navigation
 * leaves it), the agenda of what is still ahead in that window, and the loading state.
 */
public final class CalendarViewModel {
    private final Session session;
    private final BiFunction<Instant, Instant, List<Appointment>> source;
    private final Loader loader;
    private final Clock clock;
    private final ZoneId zone;
    private final ObservableList<Appointment> appointments = FXCollections.observableArrayList();
    private final ObservableList<Appointment> agenda = FXCollections.observableArrayList();
    // One read-only view each, kept: a fresh wrapper per call would drop its listeners once garbage collected.
    private final ObservableList<Appointment> appointmentsView = FXCollections.unmodifiableObservableList(appointments);
    private final ObservableList<Appointment> agendaView = FXCollections.unmodifiableObservableList(agenda);
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>(this, "problem");
    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(this, "range");
    private Range wanted;

    /** @param source the call that fetches {@code [from, to)}, e.g. {@code api::appointments} */
    public CalendarViewModel(Session session, BiFunction<Instant, Instant, List<Appointment>> source,
                             Executor background, Executor ui, Clock clock) {
        this.session = session;
        this.source = source;
        this.loader = new Loader(background, ui);
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** The dates {@code [from, to)} whose appointments are loaded. */
    public record Range(LocalDate from, LocalDate to) {

        /** The month of {@code date} with the month before and after it. */
        static Range around(LocalDate date) {
            var month = date.withDayOfMonth(1);
            return new Range(month.minusMonths(1), month.plusMonths(2));
        }

        /** Whether the month grid around {@code date} (up to a week either side of the month) is inside. */
        boolean covers(LocalDate date) {
            var month = date.withDayOfMonth(1);
            return !month.minusDays(7).isBefore(from) && !month.plusMonths(1).plusDays(14).isAfter(to);
        }
    }

    /** Loads around {@code date} unless that part is already loaded (or being loaded). */
    public void show(LocalDate date) {
        var current = wanted != null ? wanted : range.get();
        if (current == null || !current.covers(date)) {
            load(Range.around(date));
        }
    }

    /** Loads the current window again (around today before anything was shown). */
    public void refresh() {
        load(wanted != null ? wanted : range.get() != null ? range.get() : Range.around(LocalDate.now(clock)));
    }

    private void load(Range target) {
        wanted = target;
        if (!session.scopes().contains(Scopes.READ_CALENDAR)) {
            loader.cancel();
            appointments.clear();
            agenda.clear();
            loading.set(false);
            problem.set(Problem.notGranted(Scopes.READ_CALENDAR));
            return;
        }
        loading.set(true);
        var from = target.from().atStartOfDay(zone).toInstant();
        var to = target.to().atStartOfDay(zone).toInstant();
        loader.load(() -> source.apply(from, to), list -> show(target, list), failure -> {
            loading.set(false);
            problem.set(Problem.of(failure, "calendar"));
        });
    }

    private void show(Range target, List<Appointment> list) {
        var sorted = list.stream().filter(a -> a.time() != null)
                .sorted(Comparator.comparing(Appointment::time)).toList();
        appointments.setAll(sorted);
        var startOfToday = LocalDate.now(clock).atStartOfDay(zone).toInstant();
        agenda.setAll(sorted.stream()
                .filter(a -> !(a.end() != null ? a.end() : a.time()).isBefore(startOfToday)).toList());
        range.set(target);
        problem.set(null);
        loading.set(false);
    }

    /** The loaded appointments, by start time. */
    public ObservableList<Appointment> appointments() {
        return appointmentsView;
    }

    /** The loaded appointments from today on, by start time. */
    public ObservableList<Appointment> agenda() {
        return agendaView;
    }

    public ZoneId zone() {
        return zone;
    }

    public ReadOnlyObjectProperty<Range> rangeProperty() {
        return range;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem;
    }
}
