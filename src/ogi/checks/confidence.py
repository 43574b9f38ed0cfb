"""OCR_LOW_CONFIDENCE: a value read by OCR with a confidence below the threshold is
flagged, never silently trusted."""

from __future__ import annotations

from ..model import Finding, Report

LOW_CONFIDENCE = 0.8  # an OCR value below this confidence (0..1) is flagged


def check_confidence(report: Report) -> list[Finding]:
    return low_confidence_findings(report.provenance)


def low_confidence_findings(provenance: dict[str, dict]) -> list[Finding]:
    """``OCR_LOW_CONFIDENCE`` for every value whose provenance records a confidence below
    :data:`LOW_CONFIDENCE` (provenance keys are the value's path, e.g. ``table3.total.total``)."""
    out = []
    for where, prov in provenance.items():
        confidence = prov.get("confidence")
        if confidence is None or confidence >= LOW_CONFIDENCE:
            continue
        text = prov.get("text", "")
        out.append(Finding.of(
            "OCR_LOW_CONFIDENCE", f"OCR 识别“{text}”的置信度为 {confidence:.2f},低于 {LOW_CONFIDENCE},请核对原件",
            f"'{text}' read by OCR with confidence {confidence:.2f} (below {LOW_CONFIDENCE}); check the original",
            where, line=prov.get("line"), page=prov.get("page")))
    return out
