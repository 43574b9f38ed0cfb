"""OCR values cross-checked against the format's identities and their glyph confidence.

OCR misreads in a few ways: it drops a sign or a digit and confuses similar glyphs (1 with 7,
0 with 8, 3 with 8, 6 with 9). ``benchmarks/ocr_digits.py`` measures it on pages whose every
number is known (docs/pdf.md, "Digits read by OCR"): with RapidOCR's per-line 180°
classifier on, short numbers were read turned round (``969`` as ``696``, ``9`` as ``6``, ``-8``
as ``8-``) at confidences up to 1.0 — no threshold can catch those, so the reader no longer
uses that classifier (``readers/ocr.py``). Without it, 0 of 6,688 numbers (four fonts, 9 and
12 pt, 200 and 150 dpi) and 0 of 3,344 degraded as an office scanner gives them were misread;
the recogniser's own misreadings seen with the classifier on (3→8, 9→3, 1→6, a dropped
digit) were all below 0.95. So a value read by OCR is trusted only when something settles it:

1. **An identity holds.** Each row sum of tables 三 and 四 and each column identity of
   table 三 (``ogi.template``) in which the value takes part, with every input printed,
   either holds — the value is settled — or fails.
2. **A failing identity that a misreading explains.** When every identity of the value
   fails and one of its misreadings (``ogi.readers.ocr_misreads``: the sign, one digit read
   as any other, one digit lost or added; units, full-width digits and thousands separators
   are not its digits) would make one of them hold, the number printed is not known: the
   value becomes null, its text stays in provenance, and OCR_UNSETTLED says which reading
   would fit. Where no misreading explains the failure, the report itself disagrees: the
   value stays and the table rule reports it — unless the value itself was read below
   :data:`CONFUSABLE_MIN`, when the failure may be OCR's: null.
   Another term read below :data:`LOW_CONFIDENCE` (a ``/`` read as ``1`` at 0.5–0.8) is not
   taken at its reading: it may have been printed as read, as a mark (0) or as one of its
   misreadings. An identity with such a term settles nothing; one that those printed values
   can close says nothing against the value either; one they cannot close nulls the value
   only when a misreading of the value, beside them, would close it
   (``readers/ocr_explain.judge``; docs/renderings.md §47). A cell printed empty or marked not applicable
   (``/``, ``—``, ``无``) counts as 0 in these sums (``ocr_misreads.printed_empty``): a
   report that leaves its zeros blank is settled by its identities too.
3. **No identity at all.** Table 二's values take part in none. A value there is null
   with OCR_UNSETTLED when its glyph confidence (the reader records the lowest glyph score
   of the value's text) is below :data:`CONFUSABLE_MIN`, whatever its digits: every
   misreading measured was below 0.95, and the misread glyphs were not only 0, 1, 7 and 8.
   About 1.6% of right readings fall below it (measured), a null with a finding each. A
   signed value (本年增/减) is never settled: its sign is the glyph OCR loses without a trace,
   and no identity of one report includes it.

Whatever is kept, a value below :data:`LOW_CONFIDENCE` is flagged (OCR_LOW_CONFIDENCE),
never silently trusted. :func:`settle_ocr_values` changes the report (values to null) and
runs before the table rules, which then see the nulls and say what they could not assess.
"""

from __future__ import annotations

from operator import methodcaller

from ..model import Finding, Report
from ..readers.ocr_explain import (
    FAILS,
    MISREAD,
    SETTLED,
    Identity,
    Term,
    Verdict,
    judge,
)
from ..readers.ocr_misreads import misreadings, printed_blank, printed_empty  # noqa: F401 - misreadings: the module's word
from ..template import FORMATS, Kind
from ..template.arithmetic import Number
from ..template.formats import sum_positions
from .cells import located, number, printed_rows, row_parts

LOW_CONFIDENCE = 0.8  # an OCR value below this confidence (0..1) is flagged
CONFUSABLE_MIN = 0.99  # a value no identity settles needs this glyph confidence (0..1)
UNSETTLED = "ocr_unsettled"  # provenance flag of a value nulled here

Equation = tuple[tuple[str, ...], tuple[str, ...]]  # sum of the left keys = sum of the right keys
_CONFIDENCE = methodcaller("get", "confidence")


def _no_confidence(provenance: dict[str, dict]) -> bool:
    """Does no value's provenance record a confidence (every report not read by OCR)? Asked
    in C over every cell before the rules below walk them one by one, each to skip it."""
    confidences = list(map(_CONFIDENCE, provenance.values()))
    return confidences.count(None) == len(confidences)


def check_confidence(report: Report) -> list[Finding]:
    return low_confidence_findings(report.provenance)


def low_confidence_findings(provenance: dict[str, dict]) -> list[Finding]:
    """``OCR_LOW_CONFIDENCE`` for every value whose provenance records a confidence below
    :data:`LOW_CONFIDENCE` (provenance keys are the value's path, e.g. ``table3.total.total``);
    values already nulled as unsettled have their own finding."""
    out: list[Finding] = []
    if _no_confidence(provenance):
        return out
    for where, prov in provenance.items():
        confidence = prov.get("confidence")
        if confidence is None or confidence >= LOW_CONFIDENCE or prov.get(UNSETTLED):
            continue
        text = prov.get("text", "")
        out.append(Finding.of(
            "OCR_LOW_CONFIDENCE", f"OCR 识别“{text}”的置信度为 {confidence:.2f},低于 {LOW_CONFIDENCE},请核对原件",
            f"'{text}' read by OCR with confidence {confidence:.2f} (below {LOW_CONFIDENCE}); check the original",
            where, line=prov.get("line"), page=prov.get("page")))
    return out


# ------------------------------------------------------------------ settling OCR values

def equations(report: Report) -> list[Equation]:
    """Every identity of the report's format (``TableSpec.identities``) as keys, one per place
    it holds: row sums in each printed row, column identities in each column (a derived row
    printed as one row in place of its sub-rows)."""
    fmt = FORMATS.get(report.meta.template or "")
    if fmt is None:
        return []
    out: list[Equation] = []
    for spec in fmt.tables:
        rows = printed_rows(report, spec)
        for identity in spec.row_identities:
            for row in rows:
                for total_at, part_ats in sum_positions(identity, row.cells):
                    parts = tuple(f"{spec.key}.{row.cells[i][0]}.{row.cells[i][1]}" for i in part_ats)
                    total = row.cells[total_at]
                    out.append((parts, (f"{spec.key}.{total[0]}.{total[1]}",)))
        for identity in spec.column_identities:
            left, right = row_parts(report, spec, identity.left), row_parts(report, spec, identity.right)
            for _, col, _ in spec.rows[0].cells:
                out.append((tuple(f"{spec.key}.{r}.{col}" for r in left), tuple(f"{spec.key}.{r}.{col}" for r in right)))
    return out


def _kinds(report: Report) -> dict[str, Kind]:
    fmt = FORMATS.get(report.meta.template or "")
    if fmt is None:
        return {}
    return {f"{spec.key}.{r}.{c}": kind for spec in fmt.tables for row in spec.rows for r, c, kind in row.cells}


def settle_ocr_values(report: Report) -> list[Finding]:
    """Null every OCR value nothing settles (see the module text); a finding for each.
    Decisions are taken on the values as read, then applied together."""
    if _no_confidence(report.provenance):
        return []
    ocr = {k: p for k, p in report.provenance.items()
           if p.get("confidence") is not None and not p.get("derived") and report.value(k) is not None}
    if not ocr:
        return []
    eqs = equations(report)
    kinds = _kinds(report)
    decided: list[tuple[str, str, str]] = []  # key, zh reason, en reason
    for key, prov in sorted(ocr.items()):
        reason = _unsettled(report, key, prov, kinds.get(key), [e for e in eqs if key in e[0] or key in e[1]])
        if reason:
            decided.append((key, *reason))
    out = []
    for key, zh, en in decided:
        table, rest = key.split(".", 1)
        row, col = rest.rsplit(".", 1)
        read = getattr(report, table)[row][col]
        getattr(report, table)[row][col] = None
        _null_derived(report, table, row, col)
        report.provenance[key][UNSETTLED] = True
        text = report.provenance[key].get("text", "")
        out.append(located(report, "OCR_UNSETTLED",
                           f"OCR 读出“{text}”({number(read)}),{zh},取空值,请核对原件",
                           f"OCR read '{text}' ({number(read)}); {en}; null, check the original", key))
    return out


def _null_derived(report: Report, table: str, row: str, col: str) -> None:
    """A row derived as the sum of sub-rows (2021's ``other``) is null once a part is."""
    fmt = FORMATS.get(report.meta.template or "")
    spec = fmt.table(table) if fmt else None
    for derived, parts in (spec.derived.items() if spec else ()):
        if row in parts and report.provenance.get(f"{table}.{derived}.{col}", {}).get("derived"):
            getattr(report, table)[derived][col] = None


def _unsettled(report: Report, key: str, prov: dict, kind: Kind | None,
               mine: list[Equation]) -> tuple[str, str] | None:
    """Why a value cannot be trusted, or None when it is settled or nothing casts doubt.
    Which identity explains what is ``readers/ocr_explain.judge``'s: a failing identity that
    the doubtful readings in it (below :data:`LOW_CONFIDENCE`) could explain says nothing
    against the value; one that a misreading of the value (beside those) explains nulls it."""
    identities = [t for e in mine if (t := _terms(report, key, e)) is not None]
    verdict = judge(key, str(prov.get("text", "")), identities)
    if verdict.kind == SETTLED:
        return None
    if verdict.kind == MISREAD:
        return _misread_reason(verdict)
    confidence = prov.get("confidence", 1.0)
    if verdict.kind == FAILS:
        if confidence < CONFUSABLE_MIN:  # a doubtful reading in a failing identity: OCR's failure, maybe
            return (f"勾稽关系不成立,且字形置信度 {confidence:.3f} 低于 {CONFUSABLE_MIN},无法判断是原件不一致还是 OCR 误读",
                    (f"an identity fails and its glyph confidence {confidence:.3f} is below {CONFUSABLE_MIN}: "
                     f"the report's own disagreement cannot be told from OCR's"))
        return None
    if kind is Kind.SIGNED:
        return ("本年增/减的正负号 OCR 可能漏读,且没有勾稽关系可以确认",
                "OCR may lose the sign of a signed count, and no identity settles it")
    if confidence < CONFUSABLE_MIN:
        return (f"没有勾稽关系可以确认,字形置信度 {confidence:.3f} 低于 {CONFUSABLE_MIN},数字可能误读",
                f"no identity settles it and its glyph confidence {confidence:.3f} is below {CONFUSABLE_MIN}, "
                f"where OCR misreads digits")
    return None


def _misread_reason(verdict: Verdict) -> tuple[str, str]:
    """The finding's reason for a value a misreading explains (``verdict.needed``), with the
    doubtful readings taken otherwise beside it."""
    needed = number(verdict.needed)
    if not verdict.doubtful:
        return (f"勾稽关系不成立,若原件为 {needed} 则成立(OCR 常见误读)",
                f"an identity fails and would hold were it {needed} (a usual OCR misreading)")
    zh = "、".join(f"{k} 为{'某个数' if v is None else ' ' + number(v)}" for k, v in verdict.doubtful)
    en = ", ".join(f"{k} {'some count' if v is None else number(v)}" for k, v in verdict.doubtful)
    return ((f"勾稽关系不成立,若原件为 {needed},且字形置信度低于 {LOW_CONFIDENCE} 的 {zh},则成立,"
             f"无法判断哪个数值有误"),
            (f"an identity fails and would hold were it {needed} with {en} (read below {LOW_CONFIDENCE}): "
             f"which value is wrong cannot be told"))


def _terms(report: Report, key: str, equation: Equation) -> Identity | None:
    """The equation's terms for ``readers/ocr_explain`` (a cell printed empty counts 0), or
    None when one of them is not known (a doubtful reading that is no number is some count)."""
    sides = []
    for keys in equation:
        side = []
        for k in keys:
            counted, doubtful = _counted(report, k), _doubtful(report, k, LOW_CONFIDENCE)
            if counted is None and not doubtful:
                return None
            prov = report.provenance.get(k, {})
            side.append(Term(k, counted or 0, str(prov.get("text", "")), doubtful, known=counted is not None))
        sides.append(tuple(side))
    return sides[0], sides[1]


def _doubtful(report: Report, key: str, below: float) -> bool:
    """Was the number in cell ``key`` read by OCR below ``below``? Below :data:`LOW_CONFIDENCE` a reading is no count at
    all in another value's identity (``/`` read ``1`` at 0.51–0.79, a full-width ``０`` read
    ``0`` at 0.976–0.99 in the scans of benchmarks/ocr_corpus.py)."""
    prov = report.provenance.get(key, {})
    confidence = prov.get("confidence")
    if confidence is None or report.value(key) is None and printed_empty(prov):
        return False  # a dash or slash (read at 0.5–0.85 whatever it is) counts as none (``_counted``)
    return confidence < below


def _counted(report: Report, key: str) -> Number | None:
    """The value of ``key`` in a sum: its value, or 0 for a cell printed empty or marked
    not applicable or left blank at its row's end (``ocr_misreads.printed_blank``), or None when it is
    not known."""
    value = report.value(key)
    if value is None and printed_blank(report, key):
        return 0
    return value
