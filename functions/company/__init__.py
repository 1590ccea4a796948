"""CompanyService: the tenant's company, its profile and seats."""
