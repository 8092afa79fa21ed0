"""The calculator's inputs: what each one means, its unit and the value it starts with."""

from __future__ import annotations

from dataclasses import dataclass

from sdi_desktop.domain.estimation.units import BYTES, COUNT, RATE, SECONDS, Dim


@dataclass(frozen=True, slots=True)
class InputSpec:
    name: str
    label: str
    dim: Dim
    hint: str
    default: str = ""
    optional: bool = False  # empty means "not used" rather than a mistake
    assumption: bool = False  # a rule of thumb the user should say out loud


INPUTS: tuple[InputSpec, ...] = (
    InputSpec("dau", "Daily active users", COUNT, "100 M; or leave empty and give monthly users",
              optional=True),
    InputSpec("mau", "Monthly active users", COUNT, "used when daily users are empty",
              optional=True),
    InputSpec("dau_share", "Daily share of monthly users", COUNT,
              "from monthly to daily users, like 50%", default="50%", assumption=True),
    InputSpec("writes_per_user", "Writes per user per day", COUNT, "like 1 or 0.1"),
    InputSpec("reads_per_user", "Reads per user per day", COUNT,
              "like 10; or leave empty and give a read:write ratio", optional=True),
    InputSpec("read_write_ratio", "Read:write ratio", COUNT, "like 100:1", optional=True),
    InputSpec("total_writes", "Writes in all (instead of per user)", RATE,
              "like 10 M/day or 200K /s; used instead of users x writes", optional=True),
    InputSpec("total_reads", "Reads in all (instead of per user)", RATE,
              "like 2 M /s; used instead of users x reads or the ratio", optional=True),
    InputSpec("peak_factor", "Peak factor", COUNT, "peak over average, like 2x",
              default="2", assumption=True),
    InputSpec("write_size", "Size of one write", BYTES, "like 500 B or 1.5 KB"),
    InputSpec("read_size", "Size of one read", BYTES, "empty: same as a write", optional=True),
    InputSpec("retention", "Retention", SECONDS, "like 10 years", default="5 years"),
    InputSpec("replication", "Replication factor", COUNT, "copies of each byte, like 3",
              default="3", assumption=True),
    InputSpec("hot_share", "Hot share of daily reads", COUNT,
              "the part worth caching, like 20%", default="20%", assumption=True),
    InputSpec("server_capacity", "One server handles", RATE, "like 10K /s", default="10K /s",
              assumption=True),
)  # fmt: skip

SPECS: dict[str, InputSpec] = {spec.name: spec for spec in INPUTS}
