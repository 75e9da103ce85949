"""Demo data for `make run`: accounts, services, orders, reviews, hours and
bookings, made through each domain's own services (`manage.py seed_demo`)."""

# Every demo account's password; printed by `seed_demo`.
DEMO_PASSWORD = "demo-pass-123"
