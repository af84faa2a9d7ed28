package organizer.desktop.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import organizer.common.domain.Appointment;
import organizer.desktop.api.ApiException;
import organizer.desktop.api.Problem;
import organizer.desktop.testing.FixedTokenSession;
import org.junit.jupiter.api.Test;

class CalendarViewModelTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** Wednesday 2026-12-09, 12:00 in Berlin. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-09T11:00:00Z"), ZONE);

    private final FixedTokenSession session = new FixedTokenSession("token", "openid read:calendar",
            FixedTokenSession.alice());
    private final List<Instant[]> calls = new ArrayList<>();

    private static Appointment at(String id, String start, String end) {
        return new Appointment(id, "Meeting " + id, Instant.parse(start), end == null ? null : Instant.parse(end),
                null, null);
    }

    private CalendarViewModel model(List<Appointment> answer) {
        return new CalendarViewModel(session, (from, to) -> {
            calls.add(new Instant[] {from, to});
            return answer;
        }, Runnable::run, Runnable::run, CLOCK);
    }

    @Test
    void refreshLoadsThreeMonthsAroundTodayInTheLocalZone() {
        var model = model(List.of());
        model.refresh();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)[0]).isEqualTo(LocalDate.of(2026, 11, 1).atStartOfDay(ZONE).toInstant());
        assertThat(calls.get(0)[1]).isEqualTo(LocalDate.of(2027, 2, 1).atStartOfDay(ZONE).toInstant());
        assertThat(model.rangeProperty().get())
                .isEqualTo(new CalendarViewModel.Range(LocalDate.of(2026, 11, 1), LocalDate.of(2027, 2, 1)));
    }

    @Test
    void appointmentsComeSortedAndTheAgendaKeepsOnlyWhatIsNotOverBeforeToday() {
        var yesterday = at("y", "2026-12-08T08:00:00Z", "2026-12-08T09:00:00Z");
        var earlierToday = at("t", "2026-12-09T07:00:00Z", "2026-12-09T08:00:00Z");
        var tomorrow = at("m", "2026-12-10T08:00:00Z", null);
        var model = model(List.of(tomorrow, yesterday, earlierToday));
        model.refresh();
        assertThat(model.appointments()).containsExactly(yesterday, earlierToday, tomorrow);
        assertThat(model.agenda()).containsExactly(earlierToday, tomorrow);
    }

    @Test
    void navigatingInsideTheLoadedWindowDoesNotCallAgainButLeavingItDoes() {
        var model = model(List.of());
        model.refresh();
        model.show(LocalDate.of(2026, 12, 28));
        model.show(LocalDate.of(2026, 12, 1));
        assertThat(calls).hasSize(1);
        model.show(LocalDate.of(2027, 1, 5)); // January's grid runs into February: not loaded yet
        assertThat(calls).hasSize(2);
        assertThat(model.rangeProperty().get().from()).isEqualTo(LocalDate.of(2026, 12, 1));
        model.show(LocalDate.of(2026, 8, 20));
        assertThat(calls).hasSize(3);
        assertThat(model.rangeProperty().get())
                .isEqualTo(new CalendarViewModel.Range(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1)));
    }

    @Test
    void withoutReadCalendarItExplainsInPlainWordsAndCallsNothing() {
        var withoutCalendar = new FixedTokenSession("token", "openid read:contacts", FixedTokenSession.alice());
        var model = new CalendarViewModel(withoutCalendar, (from, to) -> {
            calls.add(new Instant[] {from, to});
            return List.of();
        }, Runnable::run, Runnable::run, CLOCK);
        model.refresh();
        assertThat(calls).isEmpty();
        var problem = model.problemProperty().get();
        assertThat(problem.action()).isEqualTo(Problem.Action.REAUTHORIZE);
        assertThat(problem.scope()).isEqualTo("read:calendar");
        assertThat(problem.message()).startsWith("Organizer was not given access to your calendar");
    }

    @Test
    void failuresBecomeProblemsAndTheLoadingFlagDrops() {
        var model = new CalendarViewModel(session, (from, to) -> {
            throw ApiException.server("calendar", 503);
        }, Runnable::run, Runnable::run, CLOCK);
        model.refresh();
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.problemProperty().get().action()).isEqualTo(Problem.Action.RETRY);
        assertThat(model.problemProperty().get().message()).contains("503");

        var signedOut = new CalendarViewModel(session, (from, to) -> {
            throw ApiException.signedOut(null);
        }, Runnable::run, Runnable::run, CLOCK);
        signedOut.refresh();
        assertThat(signedOut.problemProperty().get().action()).isEqualTo(Problem.Action.NONE);
    }
}
