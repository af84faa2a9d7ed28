package organizer.api.calendar;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import organizer.api.storage.SampleSeeder;
import organizer.common.domain.Appointment;

/**
 * The calendar a new user starts with: a week of ordinary appointments around "now" (from three days ago to three
 * days ahead), at office hours of the server's time zone, so that the calendar view has something on screen.
 */
public final class SampleAppointments {
    /** Day offset from today, start time, length in minutes, title, location, notes. */
    private record Slot(int day, String start, int minutes, String title, String location, String notes) {
    }

    private static final List<Slot> WEEK = List.of(
            new Slot(-3, "09:30", 30, "Team stand-up", "Video call", null),
            new Slot(-3, "13:00", 60, "Lunch with Ana", "Café Central", "Ask about the trade fair"),
            new Slot(-2, "10:00", 90, "Quarterly planning", "Room 4.12", "Bring the Q3 numbers"),
            new Slot(-2, "17:30", 60, "Yoga", "Studio Lotus", null),
            new Slot(-1, "08:45", 45, "Dentist", "Dr. Mensah's practice", "Check-up"),
            new Slot(-1, "15:00", 30, "Call with Daniel Kim", "Phone", "Rollout timeline"),
            new Slot(0, "09:30", 30, "Team stand-up", "Video call", null),
            new Slot(0, "11:00", 60, "Design review", "Room 2.03", "Calendar and contacts screens"),
            new Slot(0, "18:30", 120, "Dinner with Grace", "Trattoria Roma", null),
            new Slot(1, "14:00", 60, "1:1 with manager", "Room 4.01", null),
            new Slot(1, "19:00", 90, "Book club", "Kenji's place", "Finish chapter 7"),
            new Slot(2, "10:30", 45, "Car service", "City Garage", "Winter tyres"),
            new Slot(3, "09:00", 180, "Hiking trip", "Trailhead parking", "Pack water and snacks"));

    private SampleAppointments() {
    }

    /** Fresh appointments around {@code clock}'s today, in {@code zone}. */
    public static List<Appointment> create(Clock clock, ZoneId zone) {
        var today = LocalDate.now(clock.withZone(zone));
        return WEEK.stream().map(slot -> {
            var start = today.plusDays(slot.day()).atTime(LocalTime.parse(slot.start())).atZone(zone).toInstant();
            return new Appointment(UUID.randomUUID().toString(), slot.title(), start,
                    start.plus(Duration.ofMinutes(slot.minutes())), slot.location(), slot.notes());
        }).toList();
    }

    public static SampleSeeder.Sample writer(Clock clock, ZoneId zone) {
        return (Connection connection, String owner) -> AppointmentStore.insert(connection, owner, create(clock, zone));
    }
}
