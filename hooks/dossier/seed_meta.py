"""The front matter keys Dossier reads, as a pydantic schema, and the check of loaded front matter against it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .problems import Problems, Severity

KINDS = ("compensation", "interview", "values", "role", "history", "levels", "other")


class SeedMeta(BaseModel):
    """The front matter keys Dossier reads; any other key is kept as it is."""

    model_config = ConfigDict(extra="allow", strict=True)

    company: str | None = None
    company_display: str | None = None
    company_name: str | None = None
    kind: str | None = None
    type: str | None = None
    role: str | None = None
    role_display: str | None = None
    title: str | None = None
    tags: list[str] | None = None
    last_updated: dt.date | str | None = None

    @field_validator("company", "company_display", "company_name", "role", "role_display", "title", mode="before")
    @classmethod
    def _numbers_are_text(cls, value: Any) -> Any:
        # "404" is a fine company name even when YAML reads it as a number.
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        return value

    @field_validator("company", "company_display", "company_name", mode="after")
    @classmethod
    def _a_name(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError(f"expected the company's name, got {value!r}")
        return value

    @field_validator("kind", mode="after")
    @classmethod
    def _known_kind(cls, value: str | None) -> str | None:
        if value is not None and value.strip().casefold() not in KINDS:
            raise ValueError(f"unknown kind {value!r}; use one of {', '.join(KINDS)}")
        return value

    @field_validator("last_updated", mode="before")
    @classmethod
    def _datetime_is_date(cls, value: Any) -> Any:
        return value.date() if isinstance(value, dt.datetime) else value


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML reads yes/no/on/off as true/false: put the value in quotes)"
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"[:120]


def validated(data: dict[str, Any], path: str, problems: Problems, lines: dict[str, int]) -> dict[str, Any]:
    """Front matter with the keys Dossier reads checked against :class:`SeedMeta`: a key of the wrong type is reported
    at its line (``lines``) and left out."""
    try:
        meta = SeedMeta.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            field = str(error["loc"][0])
            if error["type"].startswith("string"):
                message = f"{field}: expected text, got {_describe(data.get(field))}; ignored"
            elif error["type"] == "value_error":
                message = f"{field}: {error['msg'].removeprefix('Value error, ')}; ignored"
            else:
                message = f"{field}: {error['msg'].lower()}, got {_describe(data.get(field))}; ignored"
            problems.add(path, lines.get(field, 2), message, Severity.ERROR)
            data.pop(field, None)
        meta = SeedMeta.model_validate(data)
    data.update(meta.model_dump(exclude_unset=True, exclude=set(meta.model_extra or {})))
    return data
