"""The bundle of Mirai functions: one package per RPC area, plus jobs and webhooks."""
