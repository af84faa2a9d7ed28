package organizer.common.domain;

import java.time.Instant;

/**
 * One event of a user's calendar, as the calendar API serves it.
 * {@code title} and {@code time} (the start, an ISO-8601 instant on the wire) are the fields of Auth0's reference
 * sample; {@code end}, {@code location} and {@code notes} are Organizer's additions.
 */
public record Appointment(String id, String title, Instant time, Instant end, String location, String notes) {

    public Appointment {
        if (time != null && end != null && end.isBefore(time)) {
            throw new IllegalArgumentException("an appointment cannot end before it starts");
        }
    }
}
