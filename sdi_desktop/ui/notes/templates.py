"""Skeletons a pane can start from: offered on an empty pane, never inserted unasked."""

from __future__ import annotations

from typing import NamedTuple


class Template(NamedTuple):
    label: str  # the button's text
    markdown: str


REQUIREMENTS = """## Functional

## Non-functional

## Priorities (most important first)

## Out of scope

## Assumptions

"""

ESTIMATES = """## Back of the envelope

| Quantity | Assumption | Result |
| --- | --- | --- |
| Daily active users |  |  |
| Requests per second (peak) |  |  |
| Storage per year |  |  |
| Bandwidth |  |  |
"""

API = """## Endpoints

| Method | Path | Request | Response |
| --- | --- | --- | --- |
|  |  |  |  |
"""

DATA_MODEL = """## Entities

| Entity | Fields | Key | Store |
| --- | --- | --- | --- |
|  |  |  |  |
"""

DEEP_DIVE_BLOCK = """## Problem

### Option A

### Option B

### Trade-offs

### Decision
"""

WRAP_UP = """## Summary

## What makes this problem special

## How the design meets the key requirements

## Limits and what was traded away
"""

TEMPLATES: dict[str, Template] = {
    "requirements": Template("Start from the requirements outline", REQUIREMENTS),
    "estimates": Template("Start from an estimates table", ESTIMATES),
    "api": Template("Start from an endpoint table", API),
    "data_model": Template("Start from an entity table", DATA_MODEL),
    "deep_dive": Template("Start from a trade-off block", DEEP_DIVE_BLOCK),
    "wrap_up": Template("Start from the wrap-up outline", WRAP_UP),
}
