"""Agencies across years and sources: linking each report to an agency, keeping renames
and reorganisations as aliases, and running the cross-report rules per agency.

Identity comes from ``ogi.agency``: a name is its administrative divisions and its organ,
and two names are the same agency when their organs agree and one's divisions end the
other's (``洪泽区人民政府`` is ``淮安市洪泽区人民政府``); the organisation code at the head
of the 索引号 decides when there is one. The divisions are placed in the 行政区划 table
(``ogi.regions``, GB/T 2260 codes): ``北碚区`` and ``重庆市北碚区`` are both 500109, and a
township whose name stops at itself (``一平浪镇``) takes the county its report's text names
(禄丰市, 532302), so it is never linked to a namesake in another county (夷陵区一平浪镇).
The gov.cn site a report came from or cites (``www.ynlf.gov.cn``: ``ogi.domains``) is
evidence too: it settles a name several regions bear (鼓楼区) and places a township whose
text names no county, but never moves what the report's own name places.
Aliases record both (``name:500109/|人民政府``, or ``name:/某区/某镇|人民政府`` where the
table does not place the name; ``org:785560680``). A name without any division
(``县信访局``) names too many agencies to link by: such reports are linked by organisation
code only, else each stands alone until a person merges them (``ogi agencies merge``).

A person's merge or split is a stored decision: the agencies it touched are marked
``decided``, and a stored report of such an agency keeps it when parsed again; a report
that nothing else links keeps its agency too, so re-parsing adds no agency.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from ..agency import (
    AgencyKind,
    AgencyName,
    kind,
    organisation_code,
    parse_name,
    same_agency,
)
from ..domains import site_regions
from ..model import Finding, Meta, Report
from ..regions import Region, county_in_text, resolve_at
from .backend import Database, StoreError
from .reports import Written, insert_findings, load_documents, load_reports

RECHECK_LOT = 200  # agencies whose cross-year findings are replaced in one transaction
RECHECK_REPORTS = 1000  # and at most this many of their counted reports (read in one statement)
_TOWNSHIPS = ("镇", "乡", "街道")
# the level of an administrative division, by its suffix (longest first)
_LEVELS = (("特别行政区", "province"), ("自治区", "province"), ("自治州", "city"), ("自治县", "county"),
           ("自治旗", "county"), ("新区", "county"), ("街道", "township"), ("地区", "city"), ("省", "province"),
           ("市", "city"), ("州", "city"), ("盟", "city"), ("区", "county"), ("县", "county"), ("旗", "county"),
           ("镇", "township"), ("乡", "township"))


# names and contexts read per ingest batch, remembered: a batch links each report by its name
# and text several times (the batch's candidates, the link, the agency created). A name read
# without a text (the stored aliases' names a batch loads, the agencies' names) is remembered
# apart, for the whole ingest: the same few thousand names come back in every batch, and in one
# cache with the reports' texts (each new) they were pushed out by them — on 10,000 reports the
# parent read 20,528 names and 22,528 with their parts where 10,000 texts are new (docs/ingest.md).
# The texts remembered are more than an ingest batch holds (``ingest.BATCH_SIZE``, 1,000 reports):
# a batch reads every report's name with its text when it loads the aliases it can match, then
# links the reports one by one; with 512 remembered, the first reports' texts were pushed out by
# the batch's last before they were linked, and each was read twice (4,480 reads of a name with a
# text for 2,000 reports; docs/ingest.md, eighth pass). Some 2,000 texts of a few KB: a few MB.
NAMES_REMEMBERED = 2048
NAMES_ALONE_REMEMBERED = 1 << 16  # names without a text: a few MB at the most


def name_alias(name: str | None, context: str | None = None) -> tuple[str, AgencyName] | None:
    """The alias key of a name, and the name read; None when it names no organ. With the
    report's text (``context``), a township whose name lacks its county takes the county
    the text names."""
    if context is None:
        return _alias_alone(name)
    return _alias_in(name, context)


def _name_alias(name: str | None, context: str | None) -> tuple[str, AgencyName] | None:
    if not name:
        return None
    parsed = _parsed(name)
    if not parsed.identity_organ:
        return None
    placed = place(parsed, context)
    if placed is not None:
        region, inner = placed
        return f"name:{region.code}/{'/'.join(inner)}|{parsed.identity_organ}", parsed
    return f"name:/{'/'.join(parsed.divisions)}|{parsed.identity_organ}", parsed


@lru_cache(maxsize=NAMES_ALONE_REMEMBERED)
def _alias_alone(name: str | None) -> tuple[str, AgencyName] | None:
    return _name_alias(name, None)


@lru_cache(maxsize=NAMES_REMEMBERED)
def _alias_in(name: str | None, context: str) -> tuple[str, AgencyName] | None:
    return _name_alias(name, context)


@lru_cache(maxsize=NAMES_ALONE_REMEMBERED)
def _parsed(name: str) -> AgencyName:
    """``parse_name``, remembered: a report's name is read once alone and once with its text."""
    return parse_name(name)


def place(parsed: AgencyName, context: str | None = None) -> tuple[Region, tuple[str, ...]] | None:
    """The region (GB/T 2260) of a name's divisions, and the divisions below it (townships).
    The gov.cn sites the context names (the URL the report came from, a site its text
    cites: ``ogi.domains``) settle a name several regions bear and place a township whose
    text names no county; they never move a name the report's own words place."""
    if context is None:
        return _place_alone(parsed)
    return _place_in(parsed, context)


def _place(parsed: AgencyName, context: str | None) -> tuple[Region, tuple[str, ...]] | None:
    hints = site_regions(context)
    found = resolve_at(parsed.divisions, hints)
    if found is not None:
        region, at = found
        return region, parsed.divisions[at + 1:]
    if context and parsed.divisions and parsed.divisions[-1].endswith(_TOWNSHIPS):
        county = county_in_text(context, hints)
        if county is not None:
            return county, parsed.divisions
    return None


@lru_cache(maxsize=NAMES_ALONE_REMEMBERED)
def _place_alone(parsed: AgencyName) -> tuple[Region, tuple[str, ...]] | None:
    return _place(parsed, None)


@lru_cache(maxsize=NAMES_REMEMBERED)
def _place_in(parsed: AgencyName, context: str) -> tuple[Region, tuple[str, ...]] | None:
    return _place(parsed, context)


def region_code(alias: str) -> str | None:
    """The region code an alias key carries (``name:500109/…``), if any."""
    head = alias[5:].split("/", 1)[0] if alias.startswith("name:") else ""
    return head if head.isdigit() else None


def report_text(report: Report | Written | None) -> str | None:
    """What a report says of itself, to place its agency: its title, the URL it was fetched
    from (its site's domain), and its sections (made by the worker that parsed it, for a
    report it sent as :class:`~ogi.store.reports.Written`)."""
    if report is None:
        return None
    if isinstance(report, Written):
        return report.context
    source = report.source.path or ""
    url = source if source.lower().startswith(("http://", "https://")) else ""
    return "\n".join([report.meta.title or "", url] + [s.text for s in report.sections.values()])


def org_alias(index_number: str | None) -> str | None:
    code = organisation_code(index_number)
    return f"org:{code}" if code else None


def level_of(divisions: Sequence[str]) -> str | None:
    """Province, city, county or township: the level of the innermost division. A 市 inside
    a city or province is a county-level city (靖江市 in 泰州市)."""
    if not divisions:
        return None
    level = next((lv for suffix, lv in _LEVELS if divisions[-1].endswith(suffix)), None)
    if level == "city" and len(divisions) > 1 and level_of(divisions[:-1]) == "city":
        return "county"
    return level


def parent_name(parsed: AgencyName, agency_kind: AgencyKind | None, placed=None) -> str | None:
    """The government an agency belongs to: a department's is its own divisions' 人民政府;
    a government's or a township's (a 区, a 镇, a 街道办事处) that of the divisions above it.
    Placed in the region table, the divisions are its full path (北碚区 → 重庆市北碚区)."""
    divisions = parsed.divisions
    if placed is not None:
        region, inner = placed
        divisions = region.names + tuple(inner)
    if agency_kind is AgencyKind.DEPARTMENT and divisions:
        return "".join(divisions) + "人民政府"
    if len(divisions) > 1:
        return "".join(divisions[:-1]) + "人民政府"
    return None


def _tail(parsed: AgencyName) -> str:
    """The innermost division and the organ: names of one agency share it."""
    return f"{parsed.divisions[-1]}|{parsed.identity_organ}"


def _describe(name: str, parsed: AgencyName | None, context: str | None = None) -> list:
    """name, region, level, kind, parent_name of an agency called ``name``."""
    divisions = parsed.divisions if parsed else ()
    placed = place(parsed, context) if parsed else None
    full = (placed[0].names + tuple(placed[1])) if placed else divisions
    agency_kind = kind(name)
    return [name, "".join(full) or None, level_of(full), agency_kind.value if agency_kind else None,
            parent_name(parsed, agency_kind, placed) if parsed else None]


def create_agency(db: Database, name: str, parsed: AgencyName | None, context: str | None = None) -> int:
    """A new agency called ``name``; its id."""
    return db.scalar("INSERT INTO agencies (name, region, level, kind, parent_name) VALUES (?, ?, ?, ?, ?) "
                     "RETURNING id", _describe(name, parsed, context))


class AgencyIndex:
    """The agencies and their aliases, read once, so that many reports are linked (or
    many names looked up) with a statement only for what is new."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.aliases: dict[str, int] = {}
        self.tails: dict[str, list[tuple[int, str]]] = defaultdict(list)  # _tail → (agency, name as printed)
        self.codes: dict[int, set[str]] = defaultdict(set)  # agency → its organisation codes
        self.regions: dict[int, set[str]] = defaultdict(set)  # agency → the region codes of its names
        self.names: dict[int, str] = dict(db.execute("SELECT id, name FROM agencies"))
        for alias, agency_id, alias_kind, name in db.execute("SELECT alias, agency_id, kind, name FROM agency_aliases"):
            self._remember(alias, agency_id, alias_kind, name)

    def _remember(self, alias: str, agency_id: int, alias_kind: str, name: str | None) -> None:
        self.aliases[alias] = agency_id
        if alias_kind == "org_code":
            self.codes[agency_id].add(alias)
        code = region_code(alias)
        if code:
            self.regions[agency_id].add(code)
        read = name_alias(name) if alias_kind == "name" else None
        if read and name and read[1].divisions:  # (a name was read: it is there)
            self.tails[_tail(read[1])].append((agency_id, name))

    def find(self, name: str | None, org: str | None = None, context: str | None = None) -> int | None:
        """The agency a name belongs to: its exact alias, else the one agency whose names
        agree with it (same organ, divisions ending each other's) and that is placed in no
        other region. With an organisation code (``org:…``), an agency known by other codes
        is another agency of the same name."""
        alias = name_alias(name, context)
        if alias is None or not alias[1].divisions:
            return None
        key, parsed = alias
        region = region_code(key)

        def fits(agency: int) -> bool:
            if region and self.regions.get(agency) and region not in self.regions[agency]:
                return False  # a namesake in another county (一平浪镇 of 禄丰市, of 夷陵区)
            return not org or not self.codes.get(agency) or org in self.codes[agency]

        if key in self.aliases:
            return self.aliases[key] if fits(self.aliases[key]) else None
        found = {agency for agency, other in self.tails.get(_tail(parsed), [])
                 if fits(agency) and same_agency(other, name)}
        return found.pop() if len(found) == 1 else None

    def link(self, meta: Meta, sha256: str | None = None, report: Report | Written | None = None) -> int | None:
        """The agency of a report (created when new); None when the report names none.
        ``report`` gives its text, which places a township in its county; ``sha256``, a
        stored report's own agency, which it keeps where a person decided it or where
        nothing else would link it (so re-parsing neither undoes a merge nor adds an agency)."""
        context = report_text(report)
        org = org_alias(meta.index_number)
        alias = name_alias(meta.agency, context)
        named = alias is not None and bool(alias[1].divisions)  # a name that can link by itself
        stored, decided = self._stored(sha256)
        agency_id = stored if decided else None
        if agency_id is None:
            agency_id = self.aliases.get(org) if org else None
        if agency_id is None and named:
            agency_id = self.find(meta.agency, org, context)
        if agency_id is None and stored is not None:
            agency_id = stored  # nothing else links it: it stays where it was
        if agency_id is None:
            name = meta.agency or org
            if not name:
                return None
            agency_id = self.create(name, alias[1] if alias else None, context)
        elif named:
            assert alias is not None and meta.agency is not None  # ``named``: the agency's name was read
            self._prefer_fuller_name(agency_id, meta.agency, alias[1], context)
        if named:
            assert alias is not None
            self._add_alias(alias[0], agency_id, "name", meta.agency)
        if org:
            self._add_alias(org, agency_id, "org_code")
        return agency_id

    def _stored(self, sha256: str | None) -> tuple[int | None, bool]:
        """A stored report's agency, and whether a person decided it (merge, split)."""
        if not sha256:
            return None, False
        rows = self.db.execute("SELECT a.id, a.decided FROM reports r JOIN agencies a ON a.id = r.agency_id "
                               "WHERE r.sha256 = ?", [sha256])
        return (rows[0][0], bool(rows[0][1])) if rows else (None, False)

    def create(self, name: str, parsed: AgencyName | None, context: str | None = None) -> int:
        agency_id = create_agency(self.db, name, parsed, context)
        self.names[agency_id] = name
        return agency_id

    def _add_alias(self, alias: str, agency_id: int, alias_kind: str, name: str | None = None) -> None:
        if alias not in self.aliases:
            self.db.execute("INSERT INTO agency_aliases (alias, agency_id, kind, name) VALUES (?, ?, ?, ?)",
                            [alias, agency_id, alias_kind, name])
            self._remember(alias, agency_id, alias_kind, name)

    def _prefer_fuller_name(self, agency_id: int, name: str, parsed: AgencyName, context: str | None = None) -> None:
        """Name the agency by the name with the most divisions seen (淮安市洪泽区… over 洪泽区…)."""
        known = name_alias(self.names.get(agency_id))
        if known is None or len(parsed.divisions) > len(known[1].divisions):
            self.db.execute("UPDATE agencies SET name = ?, region = ?, level = ?, kind = ?, parent_name = ? "
                            "WHERE id = ?", [*_describe(name, parsed, context), agency_id])
            self.names[agency_id] = name


# ------------------------------------------------------------------ people's corrections

def resolve(db: Database, text: str) -> int:
    """An agency by id, by a name that links to it, or by a unique part of its name."""
    if text.isdigit():
        if db.scalar("SELECT count(*) FROM agencies WHERE id = ?", [int(text)]):
            return int(text)
        raise StoreError(f"没有编号为 {text} 的机关 / no agency {text}")
    found = AgencyIndex(db).find(text)
    if found is not None:
        return found
    rows = db.execute("SELECT DISTINCT a.id, a.name FROM agencies a LEFT JOIN agency_aliases s ON s.agency_id = a.id "
                      "WHERE a.name LIKE ? OR s.name LIKE ? ORDER BY a.id", [f"%{text}%", f"%{text}%"])
    if len(rows) == 1:
        return rows[0][0]
    if not rows:
        raise StoreError(f"没有机关名为 {text} / no agency called {text}")
    listed = "; ".join(f"{i} {n}" for i, n in rows[:10])
    raise StoreError(f"{text} 可指多个机关 / {text} matches several agencies: {listed}")


def list_agencies(db: Database) -> list[tuple]:
    """id, name, region, level, kind, parent, reports, first and last year, aliases."""
    rows = db.execute(
        "SELECT a.id, a.name, a.region, a.level, a.kind, a.parent_name, count(r.id), min(r.year), max(r.year) "
        "FROM agencies a LEFT JOIN reports r ON r.agency_id = a.id "
        "GROUP BY a.id, a.name, a.region, a.level, a.kind, a.parent_name ORDER BY a.id")
    aliases: dict[int, list[str]] = {}
    for agency_id, alias, name in db.execute("SELECT agency_id, alias, name FROM agency_aliases ORDER BY alias"):
        aliases.setdefault(agency_id, []).append(name or alias)
    return [(*row, aliases.get(row[0], [])) for row in rows]


def merge(db: Database, keep: int, gone: int) -> None:
    """One agency under two identities (renamed, reorganised): ``gone``'s reports and
    aliases become ``keep``'s."""
    if keep == gone:
        raise StoreError("不能把机关与自身合并 / cannot merge an agency with itself")
    with db.transaction():
        db.execute("UPDATE reports SET agency_id = ?, cross_checked = FALSE WHERE agency_id IN (?, ?)",
                   [keep, keep, gone])
        db.execute("UPDATE agency_aliases SET agency_id = ? WHERE agency_id = ?", [keep, gone])
        db.execute("DELETE FROM agencies WHERE id = ?", [gone])
        db.execute("UPDATE agencies SET decided = TRUE WHERE id = ?", [keep])
    recheck(db)


def split(db: Database, agency_id: int, names: Sequence[str]) -> int:
    """Part of an agency is another: the given aliases (names as printed, or alias keys such
    as ``org:…``) and the reports that carry them move to a new agency; its id."""
    keys = {}
    for name in names:
        alias = name if name.startswith(("name:", "org:")) else (name_alias(name) or (None,))[0]
        found = db.execute("SELECT alias, name FROM agency_aliases WHERE alias = ? AND agency_id = ?",
                           [alias, agency_id])
        if not found:
            raise StoreError(f"{name} 不是该机关的别名 / {name} is not an alias of agency {agency_id}")
        keys[found[0][0]] = found[0][1]
    reports = db.execute("SELECT id, agency_name, index_number FROM reports WHERE agency_id = ?", [agency_id])
    moving = [rid for rid, agency_name, index_number in reports
              if (name_alias(agency_name) or (None,))[0] in keys or org_alias(index_number) in keys]
    first_name = next((n for n in keys.values() if n), next(iter(keys)))
    with db.transaction():
        new_id = create_agency(db, first_name, (name_alias(first_name) or (None, None))[1])
        for alias in keys:
            db.execute("UPDATE agency_aliases SET agency_id = ? WHERE alias = ?", [new_id, alias])
        for rid in moving:
            db.execute("UPDATE reports SET agency_id = ? WHERE id = ?", [new_id, rid])
        db.execute("UPDATE reports SET cross_checked = FALSE WHERE agency_id IN (?, ?)", [agency_id, new_id])
        db.execute("UPDATE agencies SET decided = TRUE WHERE id IN (?, ?)", [agency_id, new_id])
    recheck(db)
    return new_id


# ------------------------------------------------------------------ cross-report rules

def _lots(counted: dict[int, list[int]]) -> list[list[int]]:
    """The agencies in lots of at most ``RECHECK_LOT``, and at most ``RECHECK_REPORTS``
    counted reports (an agency with more is a lot of its own)."""
    lots: list[list[int]] = []
    size = 0
    for agency_id in sorted(counted):
        n = len(counted[agency_id])
        if not lots or len(lots[-1]) >= RECHECK_LOT or size + n > RECHECK_REPORTS:
            lots.append([])
            size = 0
        lots[-1].append(agency_id)
        size += n
    return lots


def cross_findings(task: tuple[int, Sequence[tuple[int, Sequence[tuple[int, str]]]]]
                   ) -> tuple[int, list[tuple[int, Finding]]]:
    """The cross-year findings of one lot (``task``: its number, and per agency its id and its
    counted reports as (report id, JSON document), oldest first), as (report id, finding)
    pairs, with the lot's number. What :func:`recheck` does per lot but the writing: run by
    its worker processes when an ingest has them (a module-level function, so that a worker
    imports it by name)."""
    from ..checks import check_across

    number, agencies = task
    pairs: list[tuple[int, Finding]] = []
    for agency_id, reports in agencies:
        found = check_across([Report.model_validate_json(document) for _, document in reports],
                             agencies=[agency_id] * len(reports))
        pairs += [(reports[i][0], f) for i, f in found]
    return number, pairs


def _cross_tasks(db: Database, lots: Sequence[Sequence[int]], counted: Mapping[int, Sequence[int]],
                 documents: Mapping[int, str] | None):
    """Each lot as a task of :func:`cross_findings`: its agencies with more than one counted
    report, and those reports' documents (kept, or read in one statement per lot)."""
    for number, lot in enumerate(lots):
        paired = [agency_id for agency_id in lot if len(counted[agency_id]) > 1]
        ids = [i for agency_id in paired for i in counted[agency_id]]
        docs = dict(zip(ids, load_documents(db, ids, documents)))
        yield number, [(agency_id, [(i, docs[i]) for i in counted[agency_id]]) for agency_id in paired]


def _write_lot(db: Database, lot: Sequence[int], pairs: Sequence[tuple[int, Finding]]) -> None:
    """Replace the lot's agencies' cross-year findings with ``pairs``, and mark their reports
    checked: one transaction."""
    marks = ", ".join("?" * len(lot))
    with db.transaction():
        db.execute("DELETE FROM findings WHERE origin = 'across' AND report_id IN "
                   f"(SELECT id FROM reports WHERE agency_id IN ({marks}))", lot)
        insert_findings(db, pairs, "across")
        db.execute(f"UPDATE reports SET cross_checked = TRUE WHERE agency_id IN ({marks})", lot)


def _cross_in_workers(db: Database, lots: Sequence[Sequence[int]], counted: Mapping[int, Sequence[int]],
                      documents: Mapping[int, str] | None, jobs: int, meanwhile: Iterator[object] = iter(()),
                      early: Any = None) -> None:
    """The lots' cross-year rules in ``jobs`` worker processes (``store.pool``), written here
    as each lot's findings come back; a lot whose worker died or ran out of time is checked
    here instead. Between results the parent takes a step of ``meanwhile`` (work of its own
    that does not depend on these findings). ``early``: workers started already for
    :func:`cross_findings` (``store.pool.Early``)."""
    from . import pool

    given: dict[int, tuple] = {}  # the tasks handed out and not answered: read lazily, dropped when answered

    def tasks():
        for task in _cross_tasks(db, lots, counted, documents):
            given[task[0]] = task
            yield task

    # a lot's documents are megabytes: one at a time per worker (pool.run's ``queued``)
    for result in pool.run(tasks(), cross_findings, jobs, lambda task, reason: (task[0], None), queued=1,
                           early=early):
        next(meanwhile, None)
        if result is None:
            continue
        number, pairs = result
        task = given.pop(number)
        if pairs is None:
            number, pairs = cross_findings(task)
        _write_lot(db, lots[number], pairs)


def recheck(db: Database, indexed: Collection[int] = (), documents: Mapping[int, str] | None = None,
            jobs: int = 0, early: Any = None) -> bool:
    """Run the cross-year rules again for every agency with new or changed reports, the
    copied-text check of those reports against every other agency's, and the roll-ups.
    Agencies are done some at a time, each lot in one transaction, its reports read in one
    statement. The rules are ``ogi.checks``'; reports pair by the agency the store has settled
    (a former name, a merge by a person), which their printed names and 索引号 may not show.
    ``indexed``: reports whose text prints were written with them (not indexed again);
    ``documents``: JSON documents of reports at hand (an ingest's
    :class:`~ogi.store.reports.KeptDocuments`), not read from the store again. ``jobs``: with
    two or more and more than one lot, the lots' cross-year rules run in that many worker
    processes (an ingest's ``-j``: its workers have stopped by then, and the parent alone would
    leave all cores but one idle), the findings written here; ``early``: such workers started
    already (``store.pool.Early``, an ingest's). True: the rules ran (the ingest summary
    records it)."""
    from ..checks import check_across
    from .copied import copied_steps
    from .rollup import check_rollups

    fresh = [i for (i,) in db.execute("SELECT id FROM reports WHERE NOT cross_checked ORDER BY id")]
    counted: dict[int, list[int]] = defaultdict(list)  # agency → its counted reports, oldest first
    for agency_id, report_id in db.execute(
            "SELECT r.agency_id, r.id FROM reports r JOIN primary_reports p ON p.id = r.id "
            "WHERE r.agency_id IN (SELECT agency_id FROM reports WHERE NOT cross_checked) "
            "ORDER BY r.agency_id, r.year, r.id"):
        counted[agency_id].append(report_id)
    lots = _lots(counted)
    # the copied-text check (its own findings, its own transactions) is taken a step at a time
    # while workers run the cross-year rules, and finished after them
    copied = copied_steps(db, fresh, indexed, documents)
    if jobs >= 2 and len(lots) >= 2:
        _cross_in_workers(db, lots, counted, documents, jobs, copied, early)
    else:
        for lot in lots:
            paired = [counted[agency_id] for agency_id in lot if len(counted[agency_id]) > 1]
            loaded = dict(zip((i for ids in paired for i in ids),
                              load_reports(db, [i for ids in paired for i in ids], documents)))
            pairs = []
            for agency_id in lot:
                ids = counted[agency_id]
                if len(ids) > 1:
                    found = check_across([loaded[i] for i in ids], agencies=[agency_id] * len(ids))
                    pairs += [(ids[i], f) for i, f in found]
            _write_lot(db, lot, pairs)
    with db.transaction():
        db.execute("UPDATE reports SET cross_checked = TRUE WHERE NOT cross_checked AND agency_id IS NULL")
    for _ in copied:  # what is left of it
        pass
    check_rollups(db)
    from .summary import settle

    settle(db)  # the finding counts kept per report, after the findings these rules wrote
    return True
