"""Pydantic models of everything the pipeline writes; schemas/ is generated from here."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Qualifier = Literal["exact", "more_than", "at_least", "approx", "less_than", "at_most"]
BlockKind = Literal["heading", "paragraph"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Block(_Model):
    """A heading or paragraph of a report, by character offsets into its text."""

    kind: BlockKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = Field(default=None, ge=1, description="1-based page, when the source has pages")
    section: int | None = Field(default=None, description="index of the heading block this block falls under")


class _Record(_Model):
    start: int = Field(ge=0, description="offset of the first character in the report text")
    end: int = Field(ge=0, description="offset after the last character (Python slice end)")
    text: str = Field(min_length=1, description="the report text at [start:end], exactly")
    block: int = Field(ge=0, description="index of the block (paragraph or heading) holding the record")
    sentence_start: int = Field(ge=0)
    sentence_end: int = Field(ge=0)
    page: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _spans_are_ordered(self) -> _Record:
        if not (self.start < self.end and self.sentence_start <= self.start and self.end <= self.sentence_end):
            raise ValueError(f"bad span {self.start}:{self.end} in sentence {self.sentence_start}:{self.sentence_end}")
        return self


class CityRecord(_Record):
    type: Literal["city"] = "city"
    name: str = Field(description="canonical Russian name, nominative")
    country: str | None = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2; null when unknown")
    geonameid: int | None = Field(default=None, description="GeoNames id of the linked gazetteer city")
    latitude: float | None = None
    longitude: float | None = None
    population: int | None = Field(default=None, ge=0, description="population in the gazetteer")


class DateRecord(_Record):
    type: Literal["date"] = "date"
    start_date: dt.date = Field(description="first day of the range, inclusive")
    end_date: dt.date = Field(description="last day of the range, inclusive")
    granularity: Literal["day", "month", "quarter", "half", "year", "decade", "century"]

    @model_validator(mode="after")
    def _ordered(self) -> DateRecord:
        if self.end_date < self.start_date:
            raise ValueError("end_date before start_date")
        return self


class CountRecord(_Record):
    type: Literal["count"] = "count"
    value: int | float = Field(ge=0, description="how many")
    qualifier: Qualifier
    unit: str = Field(min_length=1, description="lemma of the counted noun, nominative singular, ё written е")


class MoneyRecord(_Record):
    type: Literal["money"] = "money"
    value: int | float = Field(ge=0, description="amount in units of the currency")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217")
    qualifier: Qualifier


class PersonRecord(_Record):
    type: Literal["person"] = "person"
    name: str = Field(min_length=1, description="the name in the nominative")


class OrganizationRecord(_Record):
    type: Literal["organization"] = "organization"
    name: str = Field(min_length=1, description="the outermost name in the nominative")


Record = Annotated[
    CityRecord | DateRecord | CountRecord | MoneyRecord | PersonRecord | OrganizationRecord,
    Field(discriminator="type"),
]
RECORD_TYPES: dict[str, type[_Record]] = {
    m.model_fields["type"].default: m
    for m in (CityRecord, DateRecord, CountRecord, MoneyRecord, PersonRecord, OrganizationRecord)
}


class Report(_Model):
    report_id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", description="stable id: <city>-<year>")
    source: str = Field(description="file name in raw/")
    format: Literal["txt", "pdf", "docx"]
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="hash of the source file's bytes")
    city: str | None = Field(description="the city the report is about")
    year: int = Field(ge=1800, le=2200, description="the year the report is about")
    pages: int | None = Field(default=None, ge=1)
    extractor_version: str


class ExtractedReport(_Model):
    """One report as written to extracted/<report_id>.json."""

    report: Report
    text: str = Field(description="the report text all offsets point into")
    blocks: list[Block]
    lemmas: list[str] = Field(default_factory=list, description="each block's text lemmatised (ё as е), for search; "
                              "computed by the extraction workers so the single-writer archive build stays fast")
    records: list[Record]

    @model_validator(mode="after")
    def _offsets_are_sacred(self) -> ExtractedReport:
        for r in self.records:
            if self.text[r.start : r.end] != r.text:
                raise ValueError(f"{r.type} record {r.start}:{r.end} does not slice to its text {r.text!r}")
        for b in self.blocks:
            if not (0 <= b.start <= b.end <= len(self.text)):
                raise ValueError(f"block {b.start}:{b.end} outside the text")
        if self.lemmas and len(self.lemmas) != len(self.blocks):
            raise ValueError(f"{len(self.lemmas)} lemma lines for {len(self.blocks)} blocks")
        return self
