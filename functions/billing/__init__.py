"""BillingService and the company's copy of its Stripe subscription."""
