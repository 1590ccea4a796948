"""knative/ is generated from the registry and the catalogue, and every resource
validates against the CRDs in tests/conformance/knative/."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from functions import manifests, registry
from functions.jobs.catalogue import DEAD_LETTER_TARGET
from functions.manifests.names import PING_TYPE, PUBLISHER_LABEL, ping_source_uri
from functions.manifests.secrets import SECRET_GROUPS, groups_for
from tests.support import crds

KNATIVE_DIR = Path(__file__).resolve().parents[2] / "knative"
DNS_LABEL = re.compile(r"^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$")


@pytest.fixture(scope="module")
def docs() -> dict[str, list[dict]]:
    return manifests.documents()


def _of_kind(docs: dict[str, list[dict]], kind: str) -> list[dict]:
    return [d for items in docs.values() for d in items if d["kind"] == kind]


def _env(service: dict) -> dict[str, dict]:
    container = service["spec"]["template"]["spec"]["containers"][0]
    return {e["name"]: e for e in container["env"]}


def test_committed_manifests_are_exactly_what_the_generator_writes() -> None:
    expected = manifests.render()
    on_disk = {p.name: p.read_text() for p in KNATIVE_DIR.glob("*.yaml")}
    assert set(on_disk) == set(expected), "run `make manifests`"
    for name, text in expected.items():
        assert on_disk[name] == text, f"knative/{name} is stale: run `make manifests`"


def test_the_samples_pass_the_crd_check_so_the_check_itself_is_sound() -> None:
    for sample in sorted((crds.KNATIVE_CRDS / "samples").glob("*.yaml")):
        assert crds.errors(yaml.safe_load(sample.read_text())) == [], sample.name


def test_every_generated_resource_validates_against_its_crd(docs: dict[str, list[dict]]) -> None:
    checked = 0
    for file_name, items in docs.items():
        for resource in items:
            assert DNS_LABEL.match(resource["metadata"]["name"]), resource["metadata"]["name"]
            if crds.has_crd(resource):
                assert crds.errors(resource) == [], f"{file_name}: {resource['metadata']['name']}"
                checked += 1
    assert checked >= len(registry.all_targets())


@pytest.mark.parametrize(
    ("kind", "mutate", "field"),
    [
        ("Service", lambda d: d["spec"]["template"]["spec"]["containers"][0].update(imagePullPolcy="Always"), "imagePullPolcy"),
        ("Service", lambda d: d["spec"]["template"]["spec"].update(timeoutSecond=30), "timeoutSecond"),
        ("Service", lambda d: d["spec"]["template"]["spec"].update(containerConcurrency="many"), "many"),
        ("Trigger", lambda d: d["spec"]["subscriber"]["ref"].update(nmae="x"), "nmae"),
        ("Trigger", lambda d: d["spec"]["delivery"].update(retry="five"), "five"),
        ("Broker", lambda d: d["spec"]["delivery"].update(retry="five"), "five"),
        ("Broker", lambda d: d["spec"]["delivery"]["deadLetterSink"]["ref"].update(apiVersoin="v1"), "apiVersoin"),
        ("PingSource", lambda d: d["spec"].update(schedul="* * * * *"), "schedul"),
        ("SinkBinding", lambda d: d["spec"]["subject"].update(kinds="Service"), "kinds"),
        ("HTTPRoute", lambda d: d["spec"]["rules"][0]["matches"][0]["path"].update(type="Glob"), "Glob"),
        ("HTTPRoute", lambda d: d["spec"]["rules"][0]["backendRefs"][0].update(prot=80), "prot"),
    ],
)
def test_a_mistyped_or_misspelt_field_is_rejected(docs: dict[str, list[dict]], kind: str, mutate, field: str) -> None:
    resource = copy.deepcopy(_of_kind(docs, kind)[0])
    mutate(resource)
    found = crds.errors(resource)
    assert found and any(field in message for message in found), found


def test_one_service_per_target_from_one_image(docs: dict[str, list[dict]]) -> None:
    services = _of_kind(docs, "Service")
    assert [s["metadata"]["name"] for s in services] == [t.k8s_name for t in registry.all_targets()]
    assert len([t for t in registry.all_targets() if t.kind == "rpc"]) == 123
    images = {c["image"] for s in services for c in s["spec"]["template"]["spec"]["containers"]}
    assert images == {"mirai-backend"}
    kustomization = yaml.safe_load((KNATIVE_DIR / "kustomization.yaml").read_text())
    assert kustomization["images"] == [{"name": "mirai-backend", "newName": "ghcr.io/mirai/backend", "newTag": "latest"}]
    assert sorted(kustomization["resources"]) == sorted(p.name for p in KNATIVE_DIR.glob("*.yaml") if p.name != "kustomization.yaml")


def test_image_reference_is_configurable() -> None:
    rendered = yaml.safe_load(manifests.render("registry.example.com/team/mirai:1.2.3")["kustomization.yaml"])
    assert rendered["images"][0] == {"name": "mirai-backend", "newName": "registry.example.com/team/mirai", "newTag": "1.2.3"}


def test_services_scale_to_zero_run_hardened_and_probe_health(docs: dict[str, list[dict]]) -> None:
    for service in _of_kind(docs, "Service"):
        template = service["spec"]["template"]
        target = registry.find(_env(service)["FUNCTION_TARGET"]["value"])
        annotations = template["metadata"]["annotations"]
        assert annotations["autoscaling.knative.dev/min-scale"] == "0"
        assert int(annotations["autoscaling.knative.dev/max-scale"]) >= 1
        assert 0 < template["spec"]["timeoutSeconds"] <= 600
        assert template["spec"]["containerConcurrency"] == target.scaling.container_concurrency
        container = template["spec"]["containers"][0]
        assert _env(service)["FUNCTION_SIGNATURE_TYPE"]["value"] == "http"
        assert container["resources"] == {"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"cpu": "500m", "memory": "256Mi"}}
        security = container["securityContext"]
        assert security["runAsNonRoot"] and security["readOnlyRootFilesystem"]
        assert security["allowPrivilegeEscalation"] is False
        assert security["capabilities"] == {"drop": ["ALL"]}
        assert security["seccompProfile"] == {"type": "RuntimeDefault"}
        assert {"name": "tmp", "mountPath": "/tmp"} in container["volumeMounts"]
        for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
            assert container[probe]["httpGet"]["path"] == "/health"


def test_event_functions_are_cluster_local_and_public_ones_are_not(docs: dict[str, list[dict]]) -> None:
    for service in _of_kind(docs, "Service"):
        target = registry.find(_env(service)["FUNCTION_TARGET"]["value"])
        visibility = service["metadata"]["labels"].get("networking.knative.dev/visibility")
        assert visibility == ("cluster-local" if target.kind == "event" else None), target.name


def test_each_target_gets_only_the_secrets_it_needs(docs: dict[str, list[dict]]) -> None:
    by_target = {s["metadata"]["name"]: _env(s) for s in _of_kind(docs, "Service")}
    stripe_webhook = by_target["stripe-webhook"]
    assert stripe_webhook["STRIPE_WEBHOOK_SECRET"]["valueFrom"]["secretKeyRef"] == {"name": "mirai-stripe-secret", "key": "webhook-secret"}
    assert "DATABASE_URL" not in stripe_webhook and "STRIPE_SECRET_KEY" not in stripe_webhook
    assert by_target["minio-webhook"]["MINIO_WEBHOOK_AUTH_TOKEN"]["valueFrom"]["secretKeyRef"]["name"] == "mirai-webhook-secret"
    assert by_target["course-create-course"]["DATABASE_URL"]["valueFrom"]["secretKeyRef"] == {"name": "mirai-db-secret", "key": "dsn"}
    assert "ENCRYPTION_KEY" not in by_target["course-create-course"]
    assert "ENCRYPTION_KEY" in by_target["tenant-settings-update-ai-settings"]
    assert "STRIPE_SECRET_KEY" in by_target["billing-create-checkout-session"]
    assert "S3_SECRET_KEY" in by_target["sme-create-upload-url"]
    for target in registry.all_targets():
        assert set(groups_for(target)) <= set(SECRET_GROUPS), target.name


def test_every_rpc_and_webhook_path_routes_to_its_own_service(docs: dict[str, list[dict]]) -> None:
    routed = {}
    for route in _of_kind(docs, "HTTPRoute"):
        assert len(route["spec"]["rules"]) <= 16
        for rule in route["spec"]["rules"]:
            (match,) = rule["matches"]
            (backend,) = rule["backendRefs"]
            routed[match["path"]["value"]] = backend["name"]
    expected = {t.path: t.k8s_name for t in registry.all_targets() if t.path}
    assert routed == expected
    assert routed["/webhooks/stripe"] == "stripe-webhook" and routed["/webhooks/minio"] == "minio-webhook"


def test_triggers_subscribe_existing_services_and_dead_letter_with_backoff(docs: dict[str, list[dict]]) -> None:
    services = {s["metadata"]["name"] for s in _of_kind(docs, "Service")}
    triggers = _of_kind(docs, "Trigger")
    assert triggers
    for trigger in triggers:
        spec = trigger["spec"]
        assert spec["broker"] == _of_kind(docs, "Broker")[0]["metadata"]["name"]
        assert spec["subscriber"]["ref"]["name"] in services
        assert spec["delivery"]["deadLetterSink"]["ref"]["name"] == DEAD_LETTER_TARGET.replace("_", "-") in services
        assert spec["delivery"]["backoffPolicy"] == "exponential" and spec["delivery"]["retry"] >= 1
        assert spec["filter"]["attributes"]["type"]
        # The Trigger CRD preserves unknown keys under spec, so the schema cannot catch a typo there.
        assert set(spec) <= {"broker", "filter", "subscriber", "delivery"}


def test_schedules_become_ping_sources_routed_by_their_own_source(docs: dict[str, list[dict]]) -> None:
    pings = {p["metadata"]["name"]: p for p in _of_kind(docs, "PingSource")}
    schedule_triggers = [t for t in _of_kind(docs, "Trigger") if t["spec"]["filter"]["attributes"]["type"] == PING_TYPE]
    assert {t["spec"]["subscriber"]["ref"]["name"] for t in schedule_triggers} == {
        t.k8s_name for t in registry.all_targets() if t.schedule
    }
    for trigger in schedule_triggers:
        source = trigger["spec"]["filter"]["attributes"]["source"]
        (ping,) = [p for name, p in pings.items() if ping_source_uri(name) == source]
        assert ping["spec"]["sink"]["ref"]["kind"] == "Broker"
    assert pings["cleanup-expired-registrations-schedule"]["spec"]["schedule"] == "0 * * * *"
    assert pings["outbox-relay-schedule"]["spec"]["schedule"] == "* * * * *"


def test_publishers_get_k_sink_from_the_sink_binding(docs: dict[str, list[dict]]) -> None:
    (binding,) = _of_kind(docs, "SinkBinding")
    selector = binding["spec"]["subject"]["selector"]["matchLabels"]
    assert binding["spec"]["sink"]["ref"]["kind"] == "Broker"
    labelled = {s["metadata"]["name"] for s in _of_kind(docs, "Service") if s["metadata"]["labels"].get(PUBLISHER_LABEL) == selector[PUBLISHER_LABEL]}
    assert {"stripe-webhook", "minio-webhook", "outbox-relay", "course-export-course"} <= labelled
    assert "dead-letter" not in labelled


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl is not installed")
def test_kustomize_builds_the_bundle_and_sets_the_image_on_every_service() -> None:
    built = subprocess.run(["kubectl", "kustomize", str(KNATIVE_DIR)], capture_output=True, text=True, check=True, timeout=120).stdout
    resources = [d for d in yaml.safe_load_all(built) if d]
    services = [d for d in resources if d["kind"] == "Service" and d["apiVersion"].startswith("serving.knative.dev")]
    assert len(services) == len(registry.all_targets())
    images = {c["image"] for s in services for c in s["spec"]["template"]["spec"]["containers"]}
    assert images == {"ghcr.io/mirai/backend:latest"}
    assert all(d["metadata"].get("namespace") == "mirai" for d in resources if d["kind"] != "Namespace")


def test_every_admitted_request_has_a_thread_and_a_database_connection(docs: dict[str, list[dict]]) -> None:
    """containerConcurrency, gunicorn THREADS and the pool are chosen together: a request
    Knative admits never queues for a thread or waits for a pooled connection."""
    for service in _of_kind(docs, "Service"):
        env = _env(service)
        concurrency = service["spec"]["template"]["spec"]["containerConcurrency"]
        assert 1 <= concurrency <= 16, service["metadata"]["name"]
        assert int(env["THREADS"]["value"]) == concurrency
        pool = int(env["DB_POOL_SIZE"]["value"]) + int(env["DB_POOL_MAX_OVERFLOW"]["value"])
        assert pool == concurrency, service["metadata"]["name"]
        target = int(service["spec"]["template"]["metadata"]["annotations"]["autoscaling.knative.dev/target"])
        assert 1 <= target <= concurrency
