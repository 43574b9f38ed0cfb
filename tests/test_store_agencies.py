"""Agencies across years (linking, merge, split), the cross-year rules run per agency, and
the roll-up of departments into their government."""

from __future__ import annotations

import copy
import json
import random

from conftest import APPLICANTS, consistent_tables
from typer.testing import CliRunner

from ogi.cli import app
from ogi.store import open_store

runner = CliRunner()


def ingest(db_url, *paths):
    result = runner.invoke(app, ["ingest", *map(str, paths), "--db", db_url, "-j", "1"])
    assert result.exit_code == 0, result.output


def agencies(db_url) -> list[dict]:
    result = runner.invoke(app, ["agencies", "list", "--db", db_url, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def codes_by_report(db_url, origin: str) -> dict[tuple[str, int], set[str]]:
    with open_store(db_url) as db:
        rows = db.execute("SELECT r.agency_name, r.year, f.code FROM findings f JOIN reports r ON r.id = f.report_id "
                          "WHERE f.origin = ?", [origin])
    out: dict = {}
    for name, year, code in rows:
        out.setdefault((name, year), set()).add(code)
    return out


def next_year(tables: dict, fmt: str, rng: random.Random) -> dict:
    """Tables of the following year that follow on: carried over what was carried forward,
    documents in force = last year's + issued − repealed, items = last year's + change."""
    nxt = consistent_tables(fmt, rng)
    t3 = nxt["table3"]
    for col in APPLICANTS:
        t3["carried_over"][col] = tables["table3"]["carried_forward"][col]
        t3["new_received"][col] = t3["total"][col] + t3["carried_forward"][col] - t3["carried_over"][col]
        if t3["new_received"][col] < 0:
            t3["carried_forward"][col] -= t3["new_received"][col]
            t3["new_received"][col] = 0
    for row in ("carried_over", "new_received", "carried_forward"):
        t3[row]["total"] = sum(t3[row][c] for c in APPLICANTS)
    t2 = nxt["table2"]
    if fmt == "2021":
        for row in ("regulations", "normative_documents"):
            t2[row]["repealed"] = min(t2[row]["repealed"], tables["table2"][row]["in_force"] + t2[row]["issued"])
            t2[row]["in_force"] = tables["table2"][row]["in_force"] + t2[row]["issued"] - t2[row]["repealed"]
    else:
        for row, cells in t2.items():
            if "items_prev_year" in cells:
                prev = tables["table2"][row]
                cells["items_prev_year"] = prev["items_prev_year"] + prev["items_change"]
                cells["items_change"] = min(cells["items_change"], cells["items_prev_year"])
    return nxt


def test_reports_of_one_agency_are_linked_across_years_and_names(db_url, report_writer):
    report_writer.write("洪泽区人民政府", 2023)
    report_writer.write("江苏省淮安市洪泽区人民政府", 2024)
    report_writer.write("淮安市洪泽区人民政府办公室", 2022)  # the office publishes the government's report
    report_writer.write("区发改经信局", 2022, org_code="MB1535963")
    report_writer.write("湖州市吴兴区发展改革和经济信息化局", 2023, org_code="11330524MB15359635")
    report_writer.write("县信访局", 2021)  # no division, no code: cannot be told from other counties' offices
    report_writer.write("县信访局", 2022)
    report_writer.write("淮安市人民政府", 2023)  # another government
    ingest(db_url, report_writer.folder)
    everyone = agencies(db_url)
    listed = {a["name"]: a for a in everyone}
    hongze = listed["江苏省淮安市洪泽区人民政府"]
    assert (hongze["reports"], hongze["first_year"], hongze["last_year"]) == (3, 2022, 2024)
    assert (hongze["level"], hongze["kind"], hongze["parent"]) == ("county", "government", "江苏省淮安市人民政府")
    assert listed["湖州市吴兴区发展改革和经济信息化局"]["reports"] == 2
    assert "区发改经信局" not in listed
    assert [a["reports"] for a in everyone if a["name"] == "县信访局"] == [1, 1]
    assert listed["淮安市人民政府"]["reports"] == 1


def test_merge_joins_a_renamed_agency_and_split_parts_it_again(db_url, report_writer):
    rng = random.Random(5)
    first = consistent_tables("2021", rng)
    second = next_year(first, "2021", rng)
    second["table3"]["carried_over"]["natural_person"] += 1  # does not follow on from the old name's report
    second["table3"]["new_received"]["natural_person"] -= 1
    second["table3"]["carried_over"]["total"] += 1
    second["table3"]["new_received"]["total"] -= 1
    report_writer.write("江苏省测试市甲区经济和信息化局", 2021, tables=first)
    report_writer.write("江苏省测试市甲区工业和信息化局", 2022, tables=second)
    ingest(db_url, report_writer.folder)
    ids = {a["name"]: a["id"] for a in agencies(db_url)}
    assert len(ids) == 2 and not codes_by_report(db_url, "across")
    result = runner.invoke(app, ["agencies", "merge", "甲区工业和信息化局", "甲区经济和信息化局", "--db", db_url])
    assert result.exit_code == 0, result.output
    (merged,) = agencies(db_url)
    assert merged["reports"] == 2 and "江苏省测试市甲区经济和信息化局" in merged["aliases"]
    assert "CROSS_YEAR_CARRY" in codes_by_report(db_url, "across")[("江苏省测试市甲区工业和信息化局", 2022)]
    result = runner.invoke(app, ["agencies", "split", str(merged["id"]), "江苏省测试市甲区经济和信息化局",
                                 "--db", db_url])
    assert result.exit_code == 0, result.output
    assert sorted(a["reports"] for a in agencies(db_url)) == [1, 1]
    assert not codes_by_report(db_url, "across")
    bad = runner.invoke(app, ["agencies", "split", str(merged["id"]), "江苏省别的局", "--db", db_url])
    assert bad.exit_code == 2 and "not an alias" in bad.output


def test_cross_year_rules_fire_on_a_broken_agency_and_not_on_a_consistent_one(db_url, report_writer):
    rng = random.Random(11)
    for fmt, years in (("2021", (2021, 2022, 2023)), ("2019", (2019, 2020))):
        good = [consistent_tables(fmt, rng)]
        for _ in years[1:]:
            good.append(next_year(good[-1], fmt, rng))
        bad = copy.deepcopy(good)
        last = bad[-1]
        last["table3"]["carried_over"]["commercial"] += 2
        last["table3"]["new_received"]["commercial"] -= 2
        last["table3"]["carried_over"]["total"] += 2
        last["table3"]["new_received"]["total"] -= 2
        if fmt == "2021":
            last["table2"]["normative_documents"]["in_force"] += 3
        else:
            last["table2"]["licensing"]["items_prev_year"] += 4
        for year, tables in zip(years, good):
            report_writer.write(f"江苏省测试市{fmt}好区教育局", year, fmt, tables=tables)
        for year, tables in zip(years, bad):
            report_writer.write(f"江苏省测试市{fmt}坏区教育局", year, fmt, tables=tables)
    # in two runs: the rules run again for an agency that gets a new report
    newest = sorted(report_writer.folder.iterdir())
    later = [p for p in newest if p.name.endswith(("_2023.txt", "_2020.txt"))]
    for p in later:
        p.rename(p.with_suffix(".later"))
    ingest(db_url, report_writer.folder)
    for p in later:
        p.with_suffix(".later").rename(p)
    ingest(db_url, report_writer.folder)
    found = codes_by_report(db_url, "across")
    cross = {"CROSS_YEAR_CARRY", "CROSS_YEAR_STOCK", "CROSS_YEAR_ITEMS"}
    assert not any(codes & cross for (name, _), codes in found.items() if "好区" in name)
    assert found[("江苏省测试市2021坏区教育局", 2023)] & cross == {"CROSS_YEAR_CARRY", "CROSS_YEAR_STOCK"}
    assert found[("江苏省测试市2019坏区教育局", 2020)] & cross == {"CROSS_YEAR_CARRY", "CROSS_YEAR_ITEMS"}
    assert not found.get(("江苏省测试市2021坏区教育局", 2022), set()) & cross
    with open_store(db_url) as db:
        wheres = {w for (w,) in db.execute("SELECT where_key FROM findings WHERE code = 'CROSS_YEAR_CARRY'")}
    assert wheres == {"table3.carried_over.commercial", "table3.carried_over.total"}


def _sum(parts: list[dict]) -> dict:
    total = copy.deepcopy(parts[0])
    for table in ("table3", "table4"):
        for row, cols in total[table].items():
            for col in cols:
                cols[col] = sum(p[table][row][col] for p in parts)
    return total


AGGREGATE = "2022年,全区政府信息公开工作在区委、区政府的坚强领导下有序开展。"


def _rollup_wheres(db_url) -> set[str]:
    with open_store(db_url) as db:
        return {w for (w,) in db.execute("SELECT where_key FROM findings WHERE code = 'ROLLUP_MISMATCH'")}


def _write_district(report_writer, district: str, broken: bool, rng: random.Random, aggregate: bool = True) -> None:
    departments = [consistent_tables("2021", rng) for _ in range(3)]
    government = _sum(departments)
    if broken:  # one more application granted, the table itself still balanced
        for row in ("new_received", "granted", "total"):
            government["table3"][row]["natural_person"] += 1
            government["table3"][row]["total"] += 1
    for name, tables in zip(("教育局", "民政局", "财政局"), departments):
        report_writer.write(f"江苏省测试市{district}{name}", 2022, tables=tables)
    gov = report_writer.write(f"江苏省测试市{district}人民政府", 2022, tables=government)
    if aggregate:  # the report says it covers the whole district's disclosure work
        text = gov.path.read_text(encoding="utf-8")
        gov.path.write_text(text.replace("一、工作开展情况\n", "一、工作开展情况\n" + AGGREGATE + "\n", 1),
                            encoding="utf-8")


def _members(db_url, district: str, names=("教育局", "民政局", "财政局")) -> None:
    result = runner.invoke(app, ["agencies", "members", f"江苏省测试市{district}人民政府",
                                 *(f"江苏省测试市{district}{n}" for n in names), "--db", db_url])
    assert result.exit_code == 0, result.output


def test_rollup_fires_when_a_government_differs_from_its_departments(db_url, report_writer):
    """Judged only with the government's complete list of constituents recorded and a report
    that states an aggregate scope (全区政府信息公开工作); before the list, departments merely
    being in the store raised nothing (they had raised a finding per cell)."""
    rng = random.Random(3)
    _write_district(report_writer, "戊区", False, rng)
    _write_district(report_writer, "己区", True, rng)
    report_writer.write("江苏省测试市庚区人民政府", 2022)  # a government without departments in the store
    ingest(db_url, report_writer.folder)
    assert codes_by_report(db_url, "rollup") == {}  # no list of constituents: a government covers 本级
    _members(db_url, "戊区")
    _members(db_url, "己区")
    found = codes_by_report(db_url, "rollup")
    assert set(found) == {("江苏省测试市己区人民政府", 2022)}
    assert _rollup_wheres(db_url) == {f"table3.{row}.{col}" for row in ("new_received", "granted", "total")
                                      for col in ("natural_person", "total")}
    with open_store(db_url) as db:
        (message,) = db.execute("SELECT message FROM findings WHERE where_key = 'table3.total.natural_person'")[0]
    assert message.startswith("table3.total.natural_person: 报告称汇总全辖区,为 ")
    assert message.endswith("(江苏省测试市己区教育局、江苏省测试市己区民政局、江苏省测试市己区财政局)")


def test_rollup_is_not_judged_without_an_aggregate_scope_or_a_complete_list(db_url, report_writer):
    rng = random.Random(4)
    _write_district(report_writer, "辛区", True, rng, aggregate=False)  # covers 本级 only
    _write_district(report_writer, "壬区", True, rng)
    ingest(db_url, report_writer.folder)
    _members(db_url, "辛区")
    _members(db_url, "壬区")
    assert set(codes_by_report(db_url, "rollup")) == {("江苏省测试市壬区人民政府", 2022)}
    report_writer.write("江苏省测试市壬区水利局", 2021)  # a fourth constituent, with no report of 2022
    ingest(db_url, report_writer.folder)
    _members(db_url, "壬区", names=("教育局", "民政局", "财政局", "水利局"))
    assert codes_by_report(db_url, "rollup") == {}


def test_an_organisation_code_tells_two_agencies_of_one_name_apart(db_url, report_writer):
    report_writer.write("江苏省测试市甲区财政局", 2021, org_code="111111111")
    report_writer.write("江苏省测试市甲区财政局", 2022, org_code="111111111")
    report_writer.write("江苏省测试市甲区财政局", 2022, org_code="222222222", seed=1)  # a namesake elsewhere
    report_writer.write("甲区财政局", 2023, seed=2)  # no code: the name decides
    ingest(db_url, report_writer.folder)
    assert sorted(a["reports"] for a in agencies(db_url)) == [1, 3]


# ------------------------------------------------------------------ identity: the administrative path

def test_a_township_is_placed_in_the_county_its_report_names(db_url, report_writer):
    """Seed 001 is 一平浪镇 of 禄丰市 (云南), its name printing the town only; its text names
    禄丰市. A 一平浪镇 of 夷陵区 (湖北) is another agency, not merged into it."""
    import shutil

    from checks_support import SEED

    shutil.copy(SEED["001"], report_writer.folder / "seed001.txt")
    report_writer.write("湖北省宜昌市夷陵区一平浪镇", 2022)
    ingest(db_url, report_writer.folder)
    listed = {a["name"]: a for a in agencies(db_url)}
    assert set(listed) == {"一平浪镇", "湖北省宜昌市夷陵区一平浪镇"}
    assert listed["一平浪镇"]["region"] == "云南省楚雄彝族自治州禄丰市一平浪镇"
    assert listed["一平浪镇"]["parent"] == "云南省楚雄彝族自治州禄丰市人民政府"
    assert listed["湖北省宜昌市夷陵区一平浪镇"]["region"] == "湖北省宜昌市夷陵区一平浪镇"
    assert [a["reports"] for a in listed.values()] == [1, 1]


def test_a_district_with_and_without_its_city_is_one_region(db_url, report_writer):
    report_writer.write("重庆市北碚区人民政府", 2021)
    report_writer.write("北碚区人民政府", 2022)
    ingest(db_url, report_writer.folder)
    (beibei,) = agencies(db_url)
    assert (beibei["name"], beibei["region"], beibei["reports"]) == ("重庆市北碚区人民政府", "重庆市北碚区", 2)


def test_a_merge_survives_reparse_and_reparse_adds_no_agency(db_url, report_writer):
    """Two 县信访局 reports (no division, no code: nothing links them) merged by a person stay
    merged through ``ogi reparse --all``, which adds no empty agency either."""
    report_writer.write("县信访局", 2021)
    report_writer.write("县信访局", 2022)
    report_writer.write("江苏省测试市甲区财政局", 2022)
    ingest(db_url, report_writer.folder)
    ids = sorted(a["id"] for a in agencies(db_url) if a["name"] == "县信访局")
    result = runner.invoke(app, ["agencies", "merge", str(ids[0]), str(ids[1]), "--db", db_url])
    assert result.exit_code == 0, result.output
    before = sorted((a["id"], a["name"], a["reports"]) for a in agencies(db_url))
    for _ in range(2):
        result = runner.invoke(app, ["reparse", "--all", "--db", db_url, "-j", "1"])
        assert result.exit_code == 0, result.output
        assert sorted((a["id"], a["name"], a["reports"]) for a in agencies(db_url)) == before
    assert [r for _, n, r in before if n == "县信访局"] == [2]


def test_the_real_hongze_report_beside_one_department_raises_no_rollup(db_url, report_writer):
    """The issue's case: 洪泽区 2024 (a real report, which states 全区政府信息公开工作) stored
    beside one small department of 洪泽区 raised ROLLUP_MISMATCH on 28 cells. Without the
    district's complete list of constituents nothing is judged."""
    import shutil

    from expected import PEER

    shutil.copy(PEER / "huaian_hongze_2024.pdf", report_writer.folder / "hongze_2024.pdf")
    report_writer.write("江苏省淮安市洪泽区档案馆", 2024, scale=1, name="dept.txt")
    report_writer.write("江苏省淮安市洪泽区审计局", 2024, scale=1, name="dept2.txt")
    ingest(db_url, report_writer.folder)
    listed = {a["name"]: a for a in agencies(db_url)}
    assert listed["江苏省淮安市洪泽区审计局"]["parent"] == "江苏省淮安市洪泽区人民政府"
    assert "淮安市洪泽区人民政府" in listed
    assert codes_by_report(db_url, "rollup") == {}
    result = runner.invoke(app, ["agencies", "members", "淮安市洪泽区人民政府", "江苏省淮安市洪泽区审计局",
                                 "--db", db_url])  # a list of one, as a person might wrongly record it
    assert result.exit_code == 0, result.output
    assert len(_rollup_wheres(db_url)) > 0  # then judged: the report states 全区政府信息公开工作


def test_the_site_a_report_came_from_places_a_township_and_never_moves_a_placed_name(db_url, report_writer):
    """Two 一平浪镇人民政府 reports whose text names no county: one cites its county's portal
    (www.ynlf.gov.cn: 云南 禄丰), the other was fetched from 夷陵区's site (the URL ``ogi
    fetch`` records beside the file). Two agencies, each in its county. A 北碚区 report
    fetched from another district's site stays in 北碚区: the name places it."""
    def township(site: str, url: str | None, name: str) -> None:
        made = report_writer.write("一平浪镇人民政府", 2023, name=name)
        text = made.path.read_text(encoding="utf-8")
        text = text.replace("湖州市吴兴区", "").replace("吴兴区", "").replace("http://www.wuxing.gov.cn/", site)
        made.path.write_text(text, encoding="utf-8")
        if url:
            made.path.with_name(made.path.name + ".meta.json").write_text(json.dumps({"url": url}), encoding="utf-8")

    township("http://www.ynlf.gov.cn/", None, "lufeng.txt")
    township("", "http://www.yiling.gov.cn/zwgk/2024/ndbg.html", "yiling.txt")
    beibei = report_writer.write("北碚区人民政府", 2023, name="beibei.txt")
    beibei.path.with_name("beibei.txt.meta.json").write_text(json.dumps({"url": "http://www.wuxing.gov.cn/a.html"}))
    ingest(db_url, report_writer.folder)
    listed = sorted((a["name"], a["region"], a["reports"]) for a in agencies(db_url))
    assert listed == [("一平浪镇人民政府", "云南省楚雄彝族自治州禄丰市一平浪镇", 1),
                      ("一平浪镇人民政府", "湖北省宜昌市夷陵区一平浪镇", 1),
                      ("北碚区人民政府", "重庆市北碚区", 1)]


def test_a_name_read_alone_stays_remembered_however_many_texts_are_read():
    """Names read without a text are remembered apart from those read with a report's text:
    the texts of a batch (each new) do not push them out, and the answers are those of the
    names read afresh."""
    from ogi.store import agencies

    name = "淮安市洪泽区人民政府"
    first = agencies.name_alias(name)
    assert first == agencies._name_alias(name, None)
    assert first[0] == agencies._name_alias(name, None)[0]
    for i in range(agencies.NAMES_REMEMBERED + 10):  # more texts than are remembered
        context = f"洪泽区 第{i}份报告"
        assert agencies.name_alias(name, context) == agencies._name_alias(name, context)
    hits = agencies._alias_alone.cache_info().hits
    assert agencies.name_alias(name) is first
    assert agencies._alias_alone.cache_info().hits == hits + 1
    assert agencies.name_alias(None) is None and agencies.name_alias("", "某某") is None


def test_a_batch_of_texts_is_remembered_whole():
    """An ingest batch reads each report's name with its text when it loads the aliases it
    can match, then again when it links the report: the texts remembered outnumber a batch's
    reports, so that the second reading is the first's answer, not a new reading."""
    from ogi.store import agencies, ingest

    assert agencies.NAMES_REMEMBERED >= 2 * ingest.BATCH_SIZE
