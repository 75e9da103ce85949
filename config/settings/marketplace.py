"""Rules of the marketplace a campus may choose."""

from config.settings.env import env_bool, env_int

# When true, a vendor whose profile is not verified is hidden from everyone
# else, like a suspended one (catalogue.selectors.hidden_vendor_q).
REQUIRE_VENDOR_VERIFICATION = env_bool("REQUIRE_VENDOR_VERIFICATION", False)
# Upcoming confirmed bookings one student may hold of one service.
BOOKINGS_PER_SERVICE = env_int("BOOKINGS_PER_SERVICE", 3)
# Open reports from this many different users hold a review until an admin decides.
REVIEW_HIDE_AFTER_REPORTS = max(1, env_int("REVIEW_HIDE_AFTER_REPORTS", 3))
