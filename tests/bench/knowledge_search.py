"""SMEService.SearchKnowledge in-process against the bare SQL it runs, at 100,000 chunks in
one tenant (ten SMEs, one of them team-scoped), timed interleaved (A, B, A, B, …):

    SearchKnowledge, owner (every SME)        vs the bare search function call, same tsquery
    SearchKnowledge, member (visible SMEs)    vs the same bare call over the member's SMEs

Reported at p50 and p99 over N calls each. The RPC adds what the bare call lacks: the
caller's team memberships and visible SMEs, parsing the query in every language, SME
names, the protobuf response. A database of its own is created and dropped.
"""

from __future__ import annotations

import statistics
import uuid
from collections.abc import Callable

from sqlalchemy import text

from common.db import Database
from common.gen.mirai.v1 import sme_pb2
from common.rpc.context import Call
from functions.bootstrap import Container
from functions.sme.search_knowledge import search_knowledge
from tests.bench.course_library import bench_container, seed_with_outsider
from tests.bench.harness import Row, interleaved_samples

CHUNKS = 100_000
SMES = 10
RUNS = 200
QUERY = "forklift braking wet floor"
_BARE = text("select * from mirai_search_knowledge(cast(:tsq as tsquery), :q, :every, cast(:smes as uuid[]), 0, 11, 0,"
             " 'MaxFragments=2, MaxWords=30, MinWords=10, StartSel=**, StopSel=**')")


def _seed(container: Container, owner_db: Database) -> tuple[Call, Call, list[uuid.UUID]]:
    ids, owner, member = seed_with_outsider(owner_db)
    with owner_db.engine.begin() as conn:
        smes = [conn.execute(text("insert into subject_matter_experts (tenant_id, name, scope) values (:t, :n, 'global')"
                                  " returning id"), {"t": ids["tenant"], "n": f"SME {n}"}).scalar_one()
                for n in range(SMES - 1)] + [ids["sme"]]  # the seeded one is team-scoped
        # One chunk in a hundred is about forklifts; the rest is varied filler.
        conn.execute(text("""
            insert into sme_knowledge_chunks (tenant_id, sme_id, title, content, language, position)
            select :t, (cast(:smes as uuid[]))[1 + g % :n], 'Section ' || g,
                   case when g % 100 = 0 then 'Brake the forklift gently when the floor is wet. ' else '' end
                   || 'Routine ' || (g % 997) || ' inspection ' || md5(g::text) || ' of shelf ' || (g % 113),
                   'english', g
            from generate_series(1, :chunks) g"""),
            {"t": ids["tenant"], "smes": smes, "n": len(smes), "chunks": CHUNKS})
    with owner_db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("vacuum analyze sme_knowledge_chunks"))
    return (Call(principal=owner, container=container, headers={}),
            Call(principal=member, container=container, headers={}), smes[:-1])


def _p99(samples: list[float]) -> float:
    return sorted(samples)[min(len(samples) - 1, int(len(samples) * 0.99))]


def rows() -> list[Row]:
    with bench_container() as (container, owner_db):
        owner, member, global_smes = _seed(container, owner_db)
        tenant = owner.principal.tenant_id  # type: ignore[union-attr]
        with container.db.tenant_session(tenant) as uow:
            tsq = uow.knowledge_chunks.tsquery(QUERY)
        request = sme_pb2.SearchKnowledgeRequest(query=QUERY)

        def bare(every: bool, smes: list[uuid.UUID]) -> Callable[[], object]:
            def run() -> object:
                with container.db.engine.begin() as conn:
                    conn.execute(text("select set_config('app.tenant_id', :t, true)"), {"t": str(tenant)})
                    return conn.execute(_BARE, {"tsq": tsq, "q": QUERY, "every": every, "smes": smes}).all()
            return run

        assert search_knowledge(request, owner).results, "the seeded chunks must match"
        out: list[Row] = []
        for who, call, every, smes in (("owner", owner, True, []), ("member", member, False, global_smes)):
            rpc, sql = interleaved_samples(lambda call=call: search_knowledge(request, call), bare(every, smes),
                                           runs=RUNS)
            name = f"SearchKnowledge, {who}, {CHUNKS:,} chunks (N={RUNS})"
            out.append(Row(f"{name} p50", statistics.median(rpc), "bare search SQL p50", statistics.median(sql)))
            out.append(Row(f"{name} p99", _p99(rpc), "bare search SQL p99", _p99(sql)))
        return out
