"""TargetAudienceService: learner personas that AI generation writes for."""
