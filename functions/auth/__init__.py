"""AuthService: sign-up, invitation acceptance, onboarding and the caller's identity."""
