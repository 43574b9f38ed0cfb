"""Agency resolution for one ingest batch, in a few set-based statements.

``AgencyIndex`` reads every agency and alias of the store, which costs as much as the
store is large; rebuilt for each batch of an ingest, the parent's work grew with the store
(quadratic over a whole ingest). A batch needs only the aliases its reports can match: the
exact keys of their names and organisation codes, and the name aliases that share a name's
*tail* (its innermost division and organ, the candidates ``AgencyIndex.find`` compares).
:class:`BatchAgencyIndex` loads those, with the organisation codes and names of the
agencies they point to, in three statements, then links the batch's reports with the very
same rules (``AgencyIndex.link``/``find``, ``ogi.agency``). What it creates (agencies,
aliases, fuller names) is kept and written by :meth:`BatchAgencyIndex.flush` in bulk.

Nothing is asked of the database per report either: the agency each already stored report
(by sha256) has is read for the whole batch in the same pass, and a new agency gets a
stand-in id (negative) until :meth:`~BatchAgencyIndex.flush` draws the batch's ids from the
sequence in one statement, in creation order — the ids one ``nextval`` per agency would
have given; :meth:`~BatchAgencyIndex.real` maps a stand-in to its id.

A name alias's tail is computed in SQL from the alias key (``name:/淮安市/洪泽区|人民政府``
→ ``洪泽区|人民政府``), the same string ``agencies._tail`` makes from the parsed name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..agency import AgencyName
from ..model import Meta, Report
from .agencies import AgencyIndex, _describe, _tail, name_alias, org_alias, report_text
from .backend import Database
from .reports import Written

_AGENCY_COLUMNS = (("id", "BIGINT"), ("name", "TEXT"), ("region", "TEXT"), ("level", "TEXT"), ("kind", "TEXT"),
                   ("parent_name", "TEXT"))
_ALIAS_COLUMNS = (("alias", "TEXT"), ("agency_id", "BIGINT"), ("kind", "TEXT"), ("name", "TEXT"))
# the tail of a name alias key: what follows its last '/'
_TAIL_SQL = "regexp_replace(alias, '^.*/', '')"


class BatchAgencyIndex(AgencyIndex):
    """An ``AgencyIndex`` over the part of the store a batch of reports can match."""

    def __init__(self, db: Database, reports: Sequence[tuple[Meta, Report | Written | None]]) -> None:  # noqa: D107
        self.db = db
        self.aliases: dict[str, int] = {}
        self.tails: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self.codes: dict[int, set[str]] = defaultdict(set)
        self.regions: dict[int, set[str]] = defaultdict(set)
        self.names: dict[int, str] = {}
        self._new_agencies: list[tuple] = []
        self._new_aliases: list[tuple] = []
        self._renamed: dict[int, list] = {}
        self._ids: dict[int, int] = {}  # stand-in id of a new agency → its id, once flushed
        self._stored_agency: dict[str, tuple[int | None, bool]] = {}
        shas = sorted({report.source.sha256 for _, report in reports if report is not None and report.source.sha256})
        if shas:
            self._stored_agency = {sha: (agency_id, bool(decided)) for sha, agency_id, decided in db.execute(
                "SELECT r.sha256, a.id, a.decided FROM reports r JOIN agencies a ON a.id = r.agency_id "
                "WHERE r.sha256 IN (SELECT unnest(?::TEXT[]))", [shas])}
        self._preloaded = set(shas)
        keys, tails = set(), set()
        for meta, report in reports:
            org = org_alias(meta.index_number)
            if org:
                keys.add(org)
            for alias in (name_alias(meta.agency), name_alias(meta.agency, report_text(report))):
                if alias:
                    keys.add(alias[0])
                    if alias[1].divisions:
                        tails.add(_tail(alias[1]))
        if not keys:
            return
        rows = db.execute(
            "SELECT alias, agency_id, kind, name FROM agency_aliases WHERE alias IN (SELECT unnest(?::TEXT[])) "
            f"OR (kind = 'name' AND {_TAIL_SQL} IN (SELECT unnest(?::TEXT[])))", [sorted(keys), sorted(tails)])
        agencies = sorted({agency_id for _, agency_id, _, _ in rows})
        if agencies:
            rows += db.execute("SELECT alias, agency_id, kind, name FROM agency_aliases WHERE kind = 'org_code' "
                               "AND agency_id IN (SELECT unnest(?::BIGINT[]))", [agencies])
            self.names.update(db.execute("SELECT id, name FROM agencies WHERE id IN (SELECT unnest(?::BIGINT[]))",
                                         [agencies]))
        for alias, agency_id, alias_kind, name in dict.fromkeys(rows):
            if alias not in self.aliases:
                self._remember(alias, agency_id, alias_kind, name)

    def _stored(self, sha256: str | None) -> tuple[int | None, bool]:
        if sha256 in self._preloaded:
            return self._stored_agency.get(sha256, (None, False))
        return super()._stored(sha256)

    def create(self, name: str, parsed: AgencyName | None, context: str | None = None) -> int:
        agency_id = -1 - len(self._new_agencies)  # a stand-in until flush
        self._new_agencies.append((agency_id, *_describe(name, parsed, context)))
        self.names[agency_id] = name
        return agency_id

    def _add_alias(self, alias: str, agency_id: int, alias_kind: str, name: str | None = None) -> None:
        if alias not in self.aliases:
            self._new_aliases.append((alias, agency_id, alias_kind, name))
            self._remember(alias, agency_id, alias_kind, name)

    def _prefer_fuller_name(self, agency_id: int, name: str, parsed: AgencyName, context: str | None = None) -> None:
        known = name_alias(self.names.get(agency_id))
        if known is None or len(parsed.divisions) > len(known[1].divisions):
            self._renamed[agency_id] = _describe(name, parsed, context)
            self.names[agency_id] = name

    def flush(self) -> None:
        """Write what linking created: new agencies and aliases in one statement each, then
        the agencies that got a fuller name."""
        if self._new_agencies:
            drawn = sorted(i for (i,) in self.db.execute("SELECT nextval('agency_id_seq') FROM generate_series(1, ?)",
                                                          [len(self._new_agencies)]))
            self._ids.update(zip((row[0] for row in self._new_agencies), drawn))
            ids = self._ids
            self._new_agencies = [(ids.get(i, i), *rest) for i, *rest in self._new_agencies]
            self._new_aliases = [(alias, ids.get(i, i), alias_kind, name)
                                 for alias, i, alias_kind, name in self._new_aliases]
            self._renamed = {ids.get(i, i): described for i, described in self._renamed.items()}
        created = {row[0] for row in self._new_agencies}
        agencies = [(agency_id, *self._renamed.pop(agency_id)) if agency_id in self._renamed else (agency_id, *rest)
                    for agency_id, *rest in self._new_agencies]
        self.db.insert_rows("agencies", _AGENCY_COLUMNS, agencies)
        self.db.insert_rows("agency_aliases", _ALIAS_COLUMNS, self._new_aliases)
        for agency_id, described in self._renamed.items():
            if agency_id not in created:
                self.db.execute("UPDATE agencies SET name = ?, region = ?, level = ?, kind = ?, parent_name = ? "
                                "WHERE id = ?", [*described, agency_id])
        self._new_agencies, self._new_aliases, self._renamed = [], [], {}

    def real(self, agency_id: int | None) -> int | None:
        """The id of an agency :meth:`link` returned (a stand-in before :meth:`flush`)."""
        return self._ids.get(agency_id, agency_id) if agency_id is not None else None
