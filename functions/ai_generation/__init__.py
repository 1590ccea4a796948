"""AI course generation: prompts, reply schemas and converters (pure), the RPCs, and the
jobs that do the work. The pattern every background job copies:

1. An RPC records the job (generation_jobs) and its outbox event in ONE transaction,
   answers at once, and nudges the relay (``queueing.py``).
2. The event's function claims the work with a lease (outline and component jobs:
   ``mirai_claim_generation_job``; lessons: one generated_lessons row each), calls the
   AI with no transaction open, and records the result only if it still holds the
   lease (compare-and-set on its worker name) — so a redelivered event, or a run whose
   lease was taken over, changes nothing (``outline_job.py``, ``lesson_job.py``,
   ``component_job.py``; shared pieces, ``claim_job`` among them, in ``job_runs.py``).
3. Every minute ``lease_sweep.py`` re-publishes work whose lease ended (a killed
   function) or whose events never arrived; after three dead runs the work fails.

RPC modules are named after their method (``generate_outline.py`` ...); the rest:
``records.py`` (rows ↔ proto), ``component_types.py`` (component kind names), ``visibility.py`` / ``outline_reads.py`` / ``job_reads.py``
(who sees what), ``generation_inputs.py`` / ``outline_edits.py`` (input checks),
``course_writes.py`` (results as course bodies; the write itself is ``course.content.write_course``).
"""
