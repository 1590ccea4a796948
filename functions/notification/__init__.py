"""NotificationService: the caller's in-app notifications, and ``notify`` for every area."""
