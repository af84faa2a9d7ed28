package organizer.auth;

import org.eclipse.jetty.ee10.servlet.ErrorHandler;

/** Jetty's error pages without stack traces or servlet names: users never see internals. */
final class QuietErrorHandler extends ErrorHandler {
    QuietErrorHandler() {
        setShowStacks(false);
        setShowMessageInTitle(false);
    }
}
