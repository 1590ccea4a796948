"""AI course generation: prompts, reply schemas and converters (pure), and the RPCs."""
