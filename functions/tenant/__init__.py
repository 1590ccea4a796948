"""TenantService: the caller's tenant, its state and statistics."""
