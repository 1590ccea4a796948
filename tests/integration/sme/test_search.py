"""SearchKnowledge: full-text in each chunk's language plus trigram similarity of titles,
scores in [0, 1], snippets, pages, only over SMEs the caller may use; and its query plan
(the tenant-led GIN index serves both the RLS predicate and the match)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from common.db import Database
from common.errors import InvalidArgument, NotFound
from common.gen.mirai.v1 import sme_pb2 as pb
from functions.bootstrap import Container
from tests.integration.sme.conftest import add_chunk, sme_api
from tests.support.course_actors import Tenant, error_of

pytestmark = pytest.mark.integration


@pytest.fixture
def library(container: Container, owner_db: Database, tenant: Tenant) -> dict[str, str]:
    owner = sme_api(container, tenant.owner)
    handbook = owner.create_sme(name="Warehouse handbook").sme
    team = sme_api(container, tenant.lead).create_sme(name="Team secrets", scope=pb.SME_SCOPE_TEAM,
                                                      team_ids=[str(tenant.ids["team"])]).sme
    ids = {
        "braking": add_chunk(owner_db, tenant.id, handbook.id, title="Forklift braking", language="english",
                             content="Brake gently when the floor is wet; forklifts skid on oil."),
        "lifting": add_chunk(owner_db, tenant.id, handbook.id, title="Lifting loads", language="english",
                             content="Never lift loads above the rated capacity of the forklift."),
        "german": add_chunk(owner_db, tenant.id, handbook.id, title="Gabelstapler", language="german",
                            content="Die Gabelstapler werden täglich geprüft."),
        "fire": add_chunk(owner_db, tenant.id, handbook.id, title="Fire exits", content="Keep the exits free."),
        "secret": add_chunk(owner_db, tenant.id, team.id, title="Forklift secret", language="english",
                            content="The secret forklift route through hall B."),
    }
    return {**{k: str(v) for k, v in ids.items()}, "handbook": handbook.id, "team": team.id}


def test_results_are_ranked_scored_and_snipped(container: Container, tenant: Tenant, library: dict[str, str]) -> None:
    found = sme_api(container, tenant.owner).search_knowledge(query="forklift braking").results
    assert found[0].chunk.id == library["braking"] and found[0].sme_name == "Warehouse handbook"
    assert all(0.0 <= r.score <= 1.0 for r in found)
    assert [r.score for r in found] == sorted((r.score for r in found), reverse=True)
    assert "**" in found[0].snippet and library["fire"] not in [r.chunk.id for r in found]


def test_stemming_follows_the_chunk_language(container: Container, tenant: Tenant, library: dict[str, str]) -> None:
    owner = sme_api(container, tenant.owner)
    assert library["lifting"] in [r.chunk.id for r in owner.search_knowledge(query="lifted").results]
    assert [r.chunk.id for r in owner.search_knowledge(query="geprüft gabelstaplers").results] == [library["german"]]


def test_a_short_or_partial_query_finds_titles_by_trigrams(container: Container, tenant: Tenant,
                                                           library: dict[str, str]) -> None:
    found = sme_api(container, tenant.owner).search_knowledge(query="forklif", sme_ids=[library["handbook"]]).results
    assert library["braking"] in [r.chunk.id for r in found]


def test_only_usable_smes_are_searched(container: Container, tenant: Tenant, other_tenant: Tenant,
                                       library: dict[str, str]) -> None:
    outsider = sme_api(container, tenant.outsider)
    assert library["secret"] not in [r.chunk.id for r in outsider.search_knowledge(query="secret forklift").results]
    assert library["secret"] in [r.chunk.id for r in sme_api(container, tenant.lead).search_knowledge(
        query="secret forklift").results]
    for sme_id in (library["team"], str(other_tenant.ids["sme"])):
        err = error_of(lambda sme_id=sme_id: outsider.search_knowledge(query="forklift", sme_ids=[sme_id]))
        assert isinstance(err, NotFound) and err.field == "sme_ids"
    assert sme_api(container, other_tenant.owner).search_knowledge(query="forklift braking").results == []


def test_pages_and_minimum_score(container: Container, tenant: Tenant, library: dict[str, str]) -> None:
    owner = sme_api(container, tenant.owner)
    everything = owner.search_knowledge(query="forklift", limit=50).results
    first = owner.search_knowledge(query="forklift", limit=2)
    second = owner.search_knowledge(query="forklift", limit=2, page_token=first.next_page_token)
    assert [r.chunk.id for r in [*first.results, *second.results]] == [r.chunk.id for r in everything][:4]
    assert len(everything) >= 3
    top = everything[0].score
    assert [r.chunk.id for r in owner.search_knowledge(query="forklift", min_score=top).results] == [
        r.chunk.id for r in everything if r.score >= top]


@pytest.mark.parametrize("query", ['"unclosed', "or or -", "-", "a:b & | !", "(((", "'); drop table x; --"])
def test_odd_query_syntax_is_just_text(query: str, container: Container, tenant: Tenant,
                                       library: dict[str, str]) -> None:
    sme_api(container, tenant.owner).search_knowledge(query=query)  # answers, never a server error


def test_bad_search_requests_name_their_field(container: Container, tenant: Tenant) -> None:
    owner = sme_api(container, tenant.owner)
    for fields, field in ((dict(query=" "), "query"), (dict(query="x" * 501), "query"),
                          (dict(query="x", limit=-1), "limit"), (dict(query="x", min_score=1.5), "min_score"),
                          (dict(query="x", min_score=float("nan")), "min_score"),
                          (dict(query="x", sme_ids=["nope"]), "sme_ids"), (dict(query="x", page_token="e30"), "page_token")):
        err = error_of(lambda fields=fields: owner.search_knowledge(**fields))
        assert isinstance(err, InvalidArgument) and err.field == field, (fields, err)


def test_the_search_uses_the_tenant_led_gin_indexes(container: Container, owner_db: Database, tenant: Tenant,
                                                    library: dict[str, str]) -> None:
    """With an SME of many chunks few of which match, the match is found through the GIN
    indexes (tenant predicate and text in one index condition), not by reading the SME's chunks."""
    with owner_db.engine.begin() as conn:
        conn.execute(text(
            "insert into sme_knowledge_chunks (tenant_id, sme_id, title, content, language)"
            " select :t, :s, 'Routine ' || g, 'routine filler text number ' || g, 'english'"
            " from generate_series(1, 60000) g"), {"t": tenant.id, "s": library["handbook"]})
        conn.execute(text("analyze sme_knowledge_chunks"))
    # The plan of the statement inside mirai_search_knowledge, as auto_explain reports it.
    notices: list[str] = []
    with owner_db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.add_notice_handler(lambda diag: notices.append(diag.message_primary or ""))
        for setting in ("load 'auto_explain'", "set auto_explain.log_min_duration = 0",
                        "set auto_explain.log_nested_statements = on", "set client_min_messages = log",
                        # The whole test table is small enough to read at once; at 100,000 chunks
                        # (make bench) the planner picks the index unaided.
                        "set enable_seqscan = off"):
            conn.execute(text(setting))
        conn.execute(text("select set_config('app.tenant_id', :t, false)"), {"t": str(tenant.id)})
        tsquery = conn.execute(text("select websearch_to_tsquery('english', 'forklift')::text")).scalar_one()
        found = conn.execute(text(
            "select id from mirai_search_knowledge(cast(:q as tsquery), 'forklift', false, cast(:s as uuid[]), 0, 11, 0, '')"),
            {"q": tsquery, "s": [library["handbook"]]}).scalars().all()
        conn.rollback()
    assert str(found[0]) == library["braking"]
    plan = next(n for n in notices if "sme_knowledge_chunks" in n and "Query Text" in n and "hits" in n)
    assert "sme_chunks_tenant_search_idx" in plan and "sme_chunks_tenant_title_trgm_idx" in plan, plan
    conditions = [line for line in plan.splitlines() if "Index Cond" in line]
    assert any("tenant_id" in line and "search" in line for line in conditions), plan
    assert any("tenant_id" in line and "title" in line for line in conditions), plan


def test_the_search_function_sees_no_tenant_without_one(owner_db: Database, library: dict[str, str]) -> None:
    """The definer function applies the policy's predicate: a session with no tenant finds nothing."""
    with owner_db.engine.connect() as conn:
        conn.execute(text("select set_config('app.tenant_id', '', false)"))
        found = conn.execute(text(
            "select id from mirai_search_knowledge(to_tsquery('simple', 'forklift'), 'forklift', true, '{}', 0, 50, 0, '')"
        )).all()
        conn.rollback()
    assert found == []
