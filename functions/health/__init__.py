"""HealthService: liveness and dependency checks."""
