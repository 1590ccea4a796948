"""HTTP functions that turn Stripe / MinIO calls into CloudEvents on the broker."""
