"""UserService: the caller's profile and the company's users."""
