"""The scorer of ../shared/eval/GOLD.md: span and strict P/R/F1 per type and micro, qualifier and country accuracy."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TYPES = ("city", "date", "count", "money", "person", "organization")


def _fold(s: Any) -> Any:
    return s.lower().replace("ё", "е") if isinstance(s, str) else s


def strict_key(r: dict[str, Any]) -> tuple[Any, ...]:
    t = r["type"]
    if t == "city":
        return (_fold(r.get("name")),)
    if t == "date":
        return (str(r.get("start_date")), str(r.get("end_date")))
    if t == "count":
        return (float(r.get("value", "nan")), _fold(r.get("unit")))
    if t == "money":
        return (float(r.get("value", "nan")), r.get("currency"))
    return ()


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Result:
    span: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    strict: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    qualifier: list[bool] = field(default_factory=list)
    country: list[bool] = field(default_factory=list)
    misses: list[tuple[str, dict[str, Any], dict[str, Any] | None]] = field(default_factory=list)

    def micro(self, kind: str) -> Score:
        scores = self.span if kind == "span" else self.strict
        total = Score()
        for s in scores.values():
            total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
        return total


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def _match(gold: list[dict[str, Any]], pred: list[dict[str, Any]], strict: bool) -> list[tuple[int, int]]:
    """Greedy one-to-one matching by largest overlap (GOLD.md)."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = _overlap(g, p)
            if ov > 0 and (not strict or strict_key(g) == strict_key(p)):
                pairs.append((ov, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def score(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> Result:
    """Score predictions against gold records of one source text."""
    result = Result()
    for t in TYPES:
        g = [r for r in gold if r["type"] == t]
        p = [r for r in pred if r["type"] == t]
        for kind, scores in (("span", result.span), ("strict", result.strict)):
            pairs = _match(g, p, strict=kind == "strict")
            s = scores[t]
            s.tp += len(pairs)
            s.fp += len(p) - len(pairs)
            s.fn += len(g) - len(pairs)
            if kind == "strict":
                for gi, pi in pairs:
                    if t in ("count", "money"):
                        result.qualifier.append(g[gi].get("qualifier") == p[pi].get("qualifier"))
                    if t == "city":
                        result.country.append(g[gi].get("country") == p[pi].get("country"))
                matched_g = {gi for gi, _ in pairs}
                span_pairs = dict(_match(g, p, strict=False))
                for gi, gr in enumerate(g):
                    if gi not in matched_g:
                        result.misses.append(("miss", gr, p[span_pairs[gi]] if gi in span_pairs else None))
                matched_p = {pi for _, pi in pairs}
                for pi, pr in enumerate(p):
                    if pi not in matched_p and pi not in span_pairs.values():
                        result.misses.append(("extra", pr, None))
    return result


def merge(results: list[Result]) -> Result:
    total = Result()
    for r in results:
        for name in ("span", "strict"):
            for t, s in getattr(r, name).items():
                acc = getattr(total, name)[t]
                acc.tp, acc.fp, acc.fn = acc.tp + s.tp, acc.fp + s.fp, acc.fn + s.fn
        total.qualifier += r.qualifier
        total.country += r.country
        total.misses += r.misses
    return total


def table(result: Result) -> str:
    lines = ["| type | span P | span R | span F1 | strict P | strict R | strict F1 | gold |",
             "|---|---|---|---|---|---|---|---|"]
    for t in TYPES:
        sp, st = result.span[t], result.strict[t]
        if sp.tp + sp.fp + sp.fn == 0:
            continue
        lines.append(f"| {t} | {sp.precision:.3f} | {sp.recall:.3f} | {sp.f1:.3f} | {st.precision:.3f} | "
                     f"{st.recall:.3f} | {st.f1:.3f} | {sp.tp + sp.fn} |")
    sp, st = result.micro("span"), result.micro("strict")
    lines.append(f"| **micro** | {sp.precision:.3f} | {sp.recall:.3f} | {sp.f1:.3f} | {st.precision:.3f} | "
                 f"{st.recall:.3f} | {st.f1:.3f} | {sp.tp + sp.fn} |")
    q = sum(result.qualifier) / len(result.qualifier) if result.qualifier else float("nan")
    c = sum(result.country) / len(result.country) if result.country else float("nan")
    lines.append("")
    lines.append(f"qualifier accuracy {q:.3f} (n={len(result.qualifier)}); "
                 f"country accuracy {c:.3f} (n={len(result.country)})")
    return "\n".join(lines)


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_window(gold: list[dict[str, Any]]) -> tuple[int, int]:
    """The annotated stretch of text: predictions outside it are not scored (gold covers part of a report)."""
    return min(r["start"] for r in gold), max(r["end"] for r in gold)


def evaluate(gold_files: list[Path], predict: Any) -> Result:
    """Score each gold file against predictions for its source, limited to the annotated window."""
    results = []
    for gf in gold_files:
        gold = load_jsonl(gf)
        lo, hi = gold_window(gold)
        pred = [p for p in predict(gf) if p["start"] >= lo and p["end"] <= hi]
        results.append(score(gold, pred))
    return merge(results)
