"""TEXT_COPIED across agencies, over everything stored: sections 一 and 五 of another
agency's report repeated in this one.

Comparing every report with every other is quadratic, so each section is reduced to its
*prints*: the hashes of the character shingles that ``ogi.checks.copied`` measures with,
keeping those whose hash falls in one bucket of ``SAMPLE`` (content-defined sampling: two
copies of a text keep the same prints). Reports that share at least ``MIN_SHARED`` prints
are candidates; a print found in more than ``COMMON`` reports is boilerplate every report
says (条例 citations, stock phrases) and is not evidence. The candidates are then judged by
the rule itself (``ogi.checks.copied.copied_across``), so a finding here means what it
means in ``ogi check``; this module only selects and saves.

The search is bounded per new report, whatever the store's size: of each new section only
its ``RAREST`` rarest prints (those in fewest reports, at least one other) are looked up,
and only the ``CANDIDATES`` reports sharing most of them are measured. A copy shares the
prints no one else has, so it is among them; new reports are taken ``CHUNK`` at a time,
each chunk in its own transaction. Work and memory grow with the new reports, not with
the store (a join of every new print with every stored one took 19 GB at 100,000 reports).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterator, Mapping, Sequence

from ..checks.copied import COPIED_SECTIONS, copied_across, shingles_of
from ..model import Report
from .backend import Database
from .reports import insert_findings, load_reports

SAMPLE = 8  # keep one shingle hash in this many
MIN_SHARED = 4  # prints two sections must share to be compared
COMMON = 50  # a print in more reports than this is boilerplate
BATCH = 500  # reports indexed per statement
RAREST = 32  # prints of a new section looked up: its rarest
CANDIDATES = 16  # other reports measured per new report and section: those sharing most prints
CHUNK = 200  # new reports whose candidates are measured together (their reports loaded at once)
# new reports whose candidates one statement finds: it scans the store's prints, whatever the
# number of reports it asks for (10,000 new reports: 50 statements of 200 took 1.9 s of the
# parent's CPU; a report's candidates do not depend on the others asked with it)
CANDIDATE_LOT = 1000


# a print is the shingle's 8-byte BLAKE2b as a big-endian integer, shifted right by one bit (it
# fits a BIGINT), kept when divisible by SAMPLE: decided on the digest's last byte (the
# integer's lowest bits) before the integer is made, for the seven shingles in eight not kept
_SAMPLE_MASK = (SAMPLE - 1) << 1
assert SAMPLE & (SAMPLE - 1) == 0 and _SAMPLE_MASK < 256  # SAMPLE a power of two, decided by one byte


# an empty 8-byte BLAKE2b, copied for each shingle: a copy is ready without parsing the
# constructor's keywords again (0.46 against 0.65 ms for 300 shingles; the same digests)
_BLAKE2B_8 = hashlib.blake2b(digest_size=8)


def _prints(shingles: set[str]) -> set[int]:
    out = set()
    empty, from_bytes, mask = _BLAKE2B_8, int.from_bytes, _SAMPLE_MASK
    for s in shingles:
        h = empty.copy()
        h.update(s.encode())
        digest = h.digest()
        if not digest[7] & mask:
            out.add(from_bytes(digest, "big") >> 1)
    return out


PRINT_COLUMNS = (("report_id", "BIGINT"), ("section", "TEXT"), ("print", "BIGINT"))


def report_prints(report: Report) -> list[tuple[str, int]]:
    """(section, print) of a report's sections 一 and 五: its rows of ``text_prints`` but the
    report id. Ingest's workers make them beside the report (:func:`ogi.store.ingest.parse_input`),
    so that the parent only inserts them."""
    return [(key, p) for key in COPIED_SECTIONS for p in _prints(shingles_of(report, key))]


def write_prints(db: Database, prints: Sequence[tuple[int, Sequence[tuple[str, int]]]]) -> None:
    """(Re)write the prints of these reports, given as (report id, its :func:`report_prints`)."""
    for start in range(0, len(prints), BATCH):
        lot = prints[start:start + BATCH]
        db.execute("DELETE FROM text_prints WHERE report_id IN (SELECT unnest(?::BIGINT[]))", [[i for i, _ in lot]])
        db.insert_rows("text_prints", PRINT_COLUMNS, [(i, key, p) for i, made in lot for key, p in made])


def index(db: Database, ids: Sequence[int]) -> None:
    """(Re)write the prints of these reports' sections 一 and 五, from their stored documents."""
    for start in range(0, len(ids), BATCH):
        lot = list(ids[start:start + BATCH])
        write_prints(db, [(report_id, report_prints(report)) for report_id, report in zip(lot, load_reports(db, lot))])


def candidates(db: Database, ids: Sequence[int]) -> list[tuple[int, int, str]]:
    """(report, other report, section) pairs of different agencies worth measuring: for
    each report in ``ids`` (at most ``CHUNK``) and section, the ``CANDIDATES`` stored
    reports sharing most of its ``RAREST`` rarest prints, if at least ``MIN_SHARED``."""
    if not ids:
        return []
    return db.execute(
        "WITH mine AS (SELECT report_id, section, print FROM text_prints WHERE report_id IN (SELECT unnest(?::BIGINT[]))), "
        # how many reports have each of these prints (only these: an index lookup each)
        "counts AS (SELECT print, count(DISTINCT report_id) AS n FROM text_prints "
        "           WHERE print IN (SELECT print FROM mine) GROUP BY print), "
        "ranked AS (SELECT m.report_id, m.section, m.print, "
        "                  row_number() OVER (PARTITION BY m.report_id, m.section ORDER BY c.n, m.print) AS k "
        "           FROM mine m JOIN counts c ON c.print = m.print WHERE c.n BETWEEN 2 AND ?), "
        "shared AS (SELECT r.report_id AS a, o.report_id AS b, r.section, count(*) AS n FROM ranked r "
        "           JOIN text_prints o ON o.print = r.print AND o.section = r.section AND o.report_id <> r.report_id "
        "           WHERE r.k <= ? GROUP BY r.report_id, o.report_id, r.section HAVING count(*) >= ?), "
        "best AS (SELECT s.a, s.b, s.section, row_number() OVER (PARTITION BY s.a, s.section ORDER BY s.n DESC, s.b) AS k "
        "         FROM shared s JOIN reports ra ON ra.id = s.a JOIN reports rb ON rb.id = s.b "
        "         WHERE coalesce(ra.agency_id, -ra.id) <> coalesce(rb.agency_id, -rb.id)) "
        "SELECT a, b, section FROM best WHERE k <= ? ORDER BY a, b, section",
        [list(ids), COMMON, RAREST, MIN_SHARED, CANDIDATES])


def check_copied_across(db: Database, ids: Sequence[int], indexed: Collection[int] = (),
                        documents: Mapping[int, str] | None = None) -> int:
    """Index these reports (but those in ``indexed``: their prints were written with them)
    and raise TEXT_COPIED on them (and on the reports they match, when those are as recent)
    for sections largely the same as another agency's. The number of findings written. Done
    ``CHUNK`` reports at a time. ``documents``: JSON documents at hand, by report id (not
    read from the store again)."""
    return sum(copied_steps(db, ids, indexed, documents))


def copied_steps(db: Database, ids: Sequence[int], indexed: Collection[int] = (),
                 documents: Mapping[int, str] | None = None) -> Iterator[int]:
    """:func:`check_copied_across` a step at a time: the indexing, then each chunk, each
    giving the number of findings it wrote — so that a caller can take the steps between
    other work (ingest's parent, while its workers run the cross-year rules)."""
    ids = list(ids)
    with db.transaction():
        index(db, [i for i in ids if i not in indexed])
    yield 0
    for lot_start in range(0, len(ids), CANDIDATE_LOT):
        lot = ids[lot_start:lot_start + CANDIDATE_LOT]
        found = candidates(db, lot)
        for start in range(0, len(lot), CHUNK):
            chunk = lot[start:start + CHUNK]
            members = set(chunk)
            yield _check_chunk(db, chunk, documents, [pair for pair in found if pair[0] in members])


def _check_chunk(db: Database, ids: list[int], documents: Mapping[int, str] | None = None,
                 pairs: Sequence[tuple[int, int, str]] | None = None) -> int:
    """Raise TEXT_COPIED on these reports (one transaction); ``pairs``: their :func:`candidates`
    when found already."""
    with db.transaction():
        if pairs is None:
            pairs = candidates(db, ids)
        involved = sorted({i for a, b, _ in pairs for i in (a, b)})
        reports = dict(zip(involved, load_reports(db, involved, documents)))
        db.execute("DELETE FROM findings WHERE origin = 'copied' AND report_id IN (SELECT unnest(?::BIGINT[]))", [ids])
        others: dict[tuple[int, str], list[int]] = {}
        for a, b, key in pairs:
            others.setdefault((a, key), []).append(b)
        # the rule (checks.copied): the later report of a pair, one finding per section naming the closest source
        found = [(a, f) for (a, key), bs in sorted(others.items())
                 if (f := copied_across(reports[a], key, [reports[b] for b in bs])) is not None]
        insert_findings(db, found, "copied")
    return len(found)

