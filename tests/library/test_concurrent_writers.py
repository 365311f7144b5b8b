"""Many writers on one env: nothing lost under any interleaving, and every loser is told.

Real threads over real HTTP for the 20-writer cases; for interleavings, hypothesis draws the
order in which writers take their steps (each step is one API call) against the emulator.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.env_plan import EnvEdits
from hasura_cloud_magic.env_writer import ConflictSafeWriter, WriteOutcome


@pytest.fixture
def tenant(cloud: HasuraCloud) -> Iterator[uuid.UUID]:
    created = cloud.create_project(
        cloud="aws", region="us-east-2", name=f"race-{uuid.uuid4().hex[:8]}", envs={"BASE": "0"}
    )
    yield created.id
    cloud.delete_tenant(created.id)


def run_in_threads(
    cloud: HasuraCloud, tenant: uuid.UUID, edits: list[EnvEdits]
) -> list[WriteOutcome]:
    """Each writer decided its edit on the same snapshot (as people looking at one page)."""
    outcomes: list[WriteOutcome | None] = [None] * len(edits)
    start = threading.Barrier(len(edits))
    snapshot = cloud.get_env(tenant)

    def write(index: int) -> None:
        with HasuraCloud(cloud.settings) as own:  # one client per writer, as separate people
            writer = ConflictSafeWriter(own, tenant, edits[index], max_attempts=200, base=snapshot)
            start.wait()
            outcomes[index] = writer.run()

    threads = [threading.Thread(target=write, args=(i,)) for i in range(len(edits))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert all(outcome is not None for outcome in outcomes)
    return outcomes  # type: ignore[return-value]


def test_twenty_writers_each_adding_a_key_all_land(cloud: HasuraCloud, tenant: uuid.UUID) -> None:
    edits = [EnvEdits({f"WRITER_{i}": f"value-{i}"}) for i in range(20)]
    outcomes = run_in_threads(cloud, tenant, edits)
    values = cloud.get_env(tenant).values
    assert {f"WRITER_{i}": f"value-{i}" for i in range(20)}.items() <= values.items()
    assert all(o.written == {f"WRITER_{i}"} and not o.lost for i, o in enumerate(outcomes))
    assert values["BASE"] == "0"


def test_writers_on_the_same_key_one_wins_every_loser_is_told(
    cloud: HasuraCloud, tenant: uuid.UUID
) -> None:
    edits = [EnvEdits({"SHARED": f"from-{i}", f"OWN_{i}": "x"}) for i in range(20)]
    outcomes = run_in_threads(cloud, tenant, edits)
    values = cloud.get_env(tenant).values
    winners = [i for i, o in enumerate(outcomes) if "SHARED" in o.written]
    losers = [i for i, o in enumerate(outcomes) if [c.key for c in o.lost] == ["SHARED"]]
    assert len(winners) == 1 and values["SHARED"] == f"from-{winners[0]}"
    assert sorted(winners + losers) == list(range(20))
    assert all(values[f"OWN_{i}"] == "x" for i in range(20))  # nobody's other edit was lost


KEYS = ["A", "B", "C", "D"]
writer_edits = st.builds(
    lambda sets, removes: (sets, removes),
    st.dictionaries(st.sampled_from(KEYS), st.sampled_from(["1", "2", "3"]), max_size=3),
    st.sets(st.sampled_from(KEYS), max_size=2),
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    plans=st.lists(writer_edits, min_size=2, max_size=5),
    schedule=st.lists(st.integers(min_value=0, max_value=4), max_size=40),
)
def test_no_interleaving_loses_an_edit(
    cloud: HasuraCloud,
    tenant: uuid.UUID,
    plans: list[tuple[dict[str, str], set[str]]],
    schedule: list[int],
) -> None:
    _reset(cloud, tenant, {"A": "0", "B": "0"})
    writers = [
        ConflictSafeWriter(cloud, tenant, EnvEdits(sets, frozenset(removes - set(sets))))
        for sets, removes in plans
    ]
    last_writer: dict[str, tuple[int, str | None]] = {}
    for index in [*schedule, *range(len(writers))] + [i for i in range(len(writers))] * 60:
        writer = writers[index % len(writers)]
        if writer.done:
            continue
        before = set(writer.outcome.written)
        writer.step()
        for key in writer.outcome.written - before:  # None: the writer removed the key
            last_writer[key] = (index % len(writers), plans[index % len(writers)][0].get(key))
    assert all(writer.done for writer in writers)
    final = cloud.get_env(tenant).values
    for number, ((sets, removes), writer) in enumerate(zip(plans, writers, strict=True)):
        wanted = set(sets) | (removes - set(sets))
        accounted = (
            writer.outcome.written | writer.outcome.already | {c.key for c in writer.outcome.lost}
        )
        assert wanted == accounted, f"writer {number} lost an edit silently"
    for key, (_, value) in last_writer.items():
        assert final.get(key) == value  # the last successful write of a key is what stays


def _reset(cloud: HasuraCloud, tenant: uuid.UUID, values: dict[str, str]) -> None:
    env = cloud.get_env(tenant)
    extra = [k for k in env.values if k in KEYS and k not in values]
    if extra:
        env = cloud.delete_env(tenant, env.hash, extra)
    changes = {k: v for k, v in values.items() if env.values.get(k) != v}
    if changes:
        cloud.update_env(tenant, env.hash, changes)
