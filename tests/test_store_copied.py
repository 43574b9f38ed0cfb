"""TEXT_COPIED across agencies over the whole store: a section taken from another agency's
report is found through the text prints, boilerplate every report shares is not."""

from __future__ import annotations

from expected import SEEDS
from ogi.store import open_store
from ogi.store.ingest import collect, ingest

SEED_004 = (SEEDS / "004_3f0a03dfd5eda10b.txt").read_text(encoding="utf-8")
OWN_TEXT = "本单位今年在政务公开方面开展了各项工作,包括{}等内容,并按规定完成了年度报告的编制和发布。"


def _report(folder, name: str, agency: str, index: str, section_one: str, section_five: str | None = None):
    """Seed 004 as another agency's report, its section 一 (and 五) replaced."""
    text = SEED_004.replace("区发改经信局", agency).replace("11330524MB15359635/2024-00007", index)
    head, rest = text.split("一、工作开展情况\n", 1)
    rest = rest[rest.index("二、主动公开政府信息情况"):]
    if section_five is not None:
        tables, five = rest.split("五、存在的主要问题及改进情况\n", 1)
        rest = tables + "五、存在的主要问题及改进情况\n" + section_five + "\n" + five[five.index("六、"):]
    path = folder / name
    path.write_text(head + "一、工作开展情况\n" + section_one + "\n" + rest, encoding="utf-8")
    return path


def test_a_section_copied_from_another_agency_is_found(tmp_path, db_url):
    tmp_path = tmp_path / "reports"
    tmp_path.mkdir()
    original = "".join(OWN_TEXT.format(w) for w in ("主动公开、依申请公开", "政府信息管理、平台建设", "监督保障、培训"))
    _report(tmp_path, "a.txt", "吴兴区财政局", "AAA111/2024-00001", original)
    _report(tmp_path, "b.txt", "吴兴区民政局", "BBB222/2024-00002", original)
    _report(tmp_path, "c.txt", "吴兴区水利局", "CCC333/2024-00003",
            "围绕水利工程建设,全年发布防汛抗旱预警信息,公开河湖长制工作进展;依法办理水资源论证有关申请,"
            "完善水利信息发布审核流程,在门户网站设立水利专栏并按月更新,接受人民群众和社会舆论的监督。")
    with open_store(db_url) as db:
        files, _, _ = collect([str(tmp_path)])
        ingest(db, files, jobs=1)
        found = db.execute("SELECT r.agency_name, f.message FROM findings f JOIN reports r ON r.id = f.report_id "
                           "WHERE f.origin = 'copied' ORDER BY r.agency_name")
    section_one = {a for a, m in found if m.startswith("第一部分")}
    assert section_one == {"吴兴区财政局", "吴兴区民政局"}  # the two that share section 一 (same year: both)
    # section 五 is seed 004's in all three reports: copied by each, and found
    assert {a for a, m in found if m.startswith("第五部分")} == {"吴兴区财政局", "吴兴区民政局", "吴兴区水利局"}
    assert all("相同" in m for _, m in found)


def test_reports_with_their_own_text_are_not_flagged(tmp_path, db_url):
    """Different section 一 and 五 texts: no finding, though the sections were indexed."""
    tmp_path = tmp_path / "reports"
    tmp_path.mkdir()
    for name, agency, code, work in (("a.txt", "吴兴区财政局", "AAA111/2024-00001", "预算公开"),
                                     ("b.txt", "吴兴区民政局", "BBB222/2024-00002", "社会救助")):
        _report(tmp_path, name, agency, code, f"我局围绕{work},全年主动公开{work}信息,答复{work}有关申请,"
                f"完善{work}信息发布制度,{work}专栏按月更新,{work}工作接受社会监督。" * 2,
                f"{work}信息的解读还不够通俗,{work}数据更新偏慢;明年将加强{work}培训,按季度更新{work}专栏。" * 2)
    with open_store(db_url) as db:
        files, _, _ = collect([str(tmp_path)])
        ingest(db, files, jobs=1)
        assert db.execute("SELECT count(*) FROM findings WHERE origin = 'copied'") == [(0,)]
        assert db.scalar("SELECT count(*) FROM text_prints") > 0


def test_candidates_are_bounded_per_new_report_however_many_share_the_text(tmp_path, db_url, monkeypatch):
    """Twelve agencies with one section 一: a new report is measured against the few that
    share most of its rarest prints, not against all eleven."""
    from ogi.store import copied

    tmp_path = tmp_path / "reports"
    tmp_path.mkdir()
    shared = "".join(OWN_TEXT.format(w) for w in ("主动公开、依申请公开", "政府信息管理、平台建设", "监督保障、培训"))
    for i in range(12):
        _report(tmp_path, f"{i:02d}.txt", f"吴兴区第{i}局", f"A{i:05d}/2024-00001", shared)
    monkeypatch.setattr(copied, "CANDIDATES", 3)
    with open_store(db_url) as db:
        files, _, _ = collect([str(tmp_path)])
        ingest(db, files, jobs=1)
        newest = db.scalar("SELECT max(id) FROM reports")
        pairs = copied.candidates(db, [newest])
        found = db.execute("SELECT count(*) FROM findings WHERE origin = 'copied' AND report_id = ? "
                           "AND message LIKE '第一部分%'", [newest])
    by_section = {}
    for a, b, section in pairs:
        assert a == newest and b != newest
        by_section.setdefault(section, []).append(b)
    assert {s: len(bs) for s, bs in by_section.items()} == {"s1": 3, "s5": 3}
    assert found == [(1,)]  # still found: one finding for the section, naming the closest of those measured


def test_candidates_found_a_lot_at_a_time_give_the_findings_one_chunk_at_a_time_gives(tmp_path, monkeypatch):
    """The candidates of many new reports are found in one statement (``CANDIDATE_LOT``) and
    measured a chunk at a time: the same findings, row by row, as a statement per chunk."""
    from ogi.store import copied

    folder = tmp_path / "reports"
    folder.mkdir()
    shared = "".join(OWN_TEXT.format(w) for w in ("主动公开、依申请公开", "政府信息管理、平台建设", "监督保障、培训"))
    for i in range(5):
        _report(folder, f"{i:02d}.txt", f"吴兴区第{i}局", f"A{i:05d}/2024-00001", shared)
    runs = []
    for lot, chunk in ((1000, 200), (1, 1), (4, 3)):
        monkeypatch.setattr(copied, "CANDIDATE_LOT", lot)
        monkeypatch.setattr(copied, "CHUNK", chunk)
        with open_store(str(tmp_path / f"lot{lot}.duckdb")) as db:
            files, _, _ = collect([str(folder)])
            ingest(db, files, jobs=1)
            runs.append(db.execute("SELECT r.sha256, f.code, f.message, f.where_key FROM findings f "
                                   "JOIN reports r ON r.id = f.report_id WHERE f.origin = 'copied' "
                                   "ORDER BY 1, 2, 3, 4"))
    assert len(runs[0]) == 10  # sections 一 and 五 of each of the five (the same year: each is flagged)
    assert runs[1] == runs[0] and runs[2] == runs[0]
