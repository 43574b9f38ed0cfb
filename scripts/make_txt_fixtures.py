"""Write the crawler-shape text fixtures of tests/fixtures/txt (run once; the output is committed).

Two consistent reports (2021 and 2019 format, hundreds of applications) flattened the way
site crawlers flatten them: each table on one line with cells separated by single spaces,
or glued with no delimiter at all. Expected values: what a correct parser must give —
for a glued row that splits more than one way, null (the parser must say so, not guess).
"""

from __future__ import annotations

import itertools
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ogi.extract.glue import splits  # noqa: E402
from ogi.model import empty_tables  # noqa: E402
from ogi.template import FORMATS  # noqa: E402
from ogi.template.formats import OTHER_SUBROWS  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "txt"
COLS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org")


def table3(rng: random.Random, fmt: str) -> dict:
    spec = FORMATS[fmt].table3
    t = {row: dict.fromkeys(cols, 0) for row, cols in spec.output_rows().items()}
    outcome_rows = [r.key for r in spec.rows if r.key not in ("new_received", "carried_over", "total", "carried_forward")]
    scale = {"natural_person": 40, "commercial": 8, "research": 1, "social_welfare": 1, "legal_service": 3, "other_org": 2}
    for col in COLS:
        for row in outcome_rows:
            t[row][col] = rng.choice([0, 0, 0, rng.randint(0, scale[col]), rng.randint(0, scale[col] * 3)])
        total = sum(t[row][col] for row in outcome_rows)
        t["total"][col] = total
        t["carried_forward"][col] = rng.randint(0, max(1, total // 20))
        t["carried_over"][col] = rng.randint(0, t["carried_forward"][col] + 2)
        t["new_received"][col] = total + t["carried_forward"][col] - t["carried_over"][col]
        if t["new_received"][col] < 0:
            t["carried_over"][col] += t["new_received"][col]
            t["new_received"][col] = 0
    for row in t:
        t[row]["total"] = sum(t[row][c] for c in COLS)
    if fmt == "2021":
        for c in t["other"]:
            t["other"][c] = sum(t[s][c] for s in OTHER_SUBROWS)
    return t


def build(fmt: str, seed: int) -> dict:
    rng = random.Random(seed)
    tables = empty_tables(fmt)
    for row in FORMATS[fmt].table2.rows:
        for _, col, kind in row.cells:
            tables["table2"][row.key][col] = round(rng.uniform(0, 900), 1) if kind.value == "amount" else (
                rng.randint(-20, 40) if kind.value == "signed" else rng.choice([0, rng.randint(1, 60), rng.randint(100, 900)]))
    tables["table3"] = table3(rng, fmt)
    for g in ("review", "litigation_direct", "litigation_after_review"):
        parts = [rng.randint(0, 30) for _ in range(4)]
        tables["table4"][g] = dict(zip(("upheld", "corrected", "other", "pending"), parts)) | {"total": sum(parts)}
    return tables


def table_lines(fmt: str, tables: dict) -> dict[str, list[tuple[str | None, list]]]:
    """Each table as (label or header text, values) pieces in printed order."""
    spec = FORMATS[fmt]
    t2: list = []
    caption = None
    for row in spec.table2.rows:
        if row.caption != caption:
            caption = row.caption
            t2.append((caption, []))
            t2.append(("信息内容 " + " ".join(row.column_labels), []))
        t2.append((row.label, [tables["table2"][row.key][c] for _, c, _ in row.cells]))
    t3: list = [("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) 申请人情况 自然人 法人或其他组织 总计 "
                 "商业企业 科研机构 社会公益组织 法律服务机构 其他", [])]
    groups = {g.key: g.label for g in spec.table3.groups}
    shown = set()
    for row in spec.table3.rows:
        label = row.label
        if row.group and row.group not in shown:
            shown.add(row.group)
            label = f"{groups[row.group]} {label}"
            if row.group == "outcomes":
                label = f"{groups['outcomes']} {row.label}"
        t3.append((label, [tables["table3"][row.key][c] for _, c, _ in row.cells]))
    t4 = [("行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉 "
           "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计",
           [tables["table4"][g][m] for g in ("review", "litigation_direct", "litigation_after_review")
            for m in ("upheld", "corrected", "other", "pending", "total")])]
    return {"table2": t2, "table3": t3, "table4": t4}


def fmt_value(v) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


def flatten(pieces: list, glued: bool) -> str:
    out = []
    for label, values in pieces:
        vals = [fmt_value(v) for v in values]
        if glued:
            out.append((label or "") + "".join(vals))
        else:
            out.append(" ".join(([label] if label else []) + vals))
    return ("" if glued else " ").join(out)


def write(stem: str, fmt: str, year: int, seed: int, glued: bool) -> None:
    tables = build(fmt, seed)
    lines = table_lines(fmt, tables)
    agency = {"2021": "江城市河西区人民政府", "2019": "江城市河东区市场监督管理局"}[fmt]
    text = "\n".join([
        "首页 > 政务公开 > 政府信息公开年报",
        f"{agency}{year}年政府信息公开工作年度报告",
        f"发布日期:{year + 1}-01-20  来源:{agency}  浏览次数:128",
        f"本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
        "一、总体情况",
        f"{year}年,{agency}坚持以公开为常态,主动公开政府信息,依法办理依申请公开,加强政府信息管理、平台建设和监督保障。",
        "二、主动公开政府信息情况",
        flatten(lines["table2"], glued),
        "三、收到和处理政府信息公开申请情况",
        flatten(lines["table3"], glued),
        "四、政府信息公开行政复议、行政诉讼情况",
        flatten(lines["table4"], glued),
        "五、存在的主要问题及改进情况",
        "一是公开内容不够全面;二是解读形式较为单一。下一步将加强培训,完善制度。",
        "六、其他需要报告的事项",
        f"{year}年度本机关未收取信息处理费。",
        "上一条:关于印发工作要点的通知",
        "下一条:无",
    ]) + "\n"
    (OUT / f"{stem}.txt").write_text(text, encoding="utf-8")
    expected = {"meta": {"agency_contains": agency[-6:], "year": year, "template": fmt,
                         "published_date": f"{year + 1}-01-20"}} | tables
    if glued:
        expected = expected_after_glue(expected, fmt, stem)
    (OUT / "expected" / f"{stem}.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1), encoding="utf-8")


def expected_after_glue(expected: dict, fmt: str, stem: str) -> dict:
    """What a correct parser reads from a glued flattening, worked out from the values
    alone (not by running the parser): a row whose digits split more than one way — even
    with table 三's column identities — is null, with CELL_AMBIGUOUS."""
    spec = FORMATS[fmt]
    ambiguous = []
    for table in spec.tables:
        readings = {}
        for row in table.rows:
            printed = "".join(fmt_value(expected[table.key][r][c]) for r, c, _ in row.cells)
            parts = [p if re.fullmatch(r"\d{2,}(\.\d+)?", p) else float(p) if "." in p else int(p)
                     for p in re.findall(r"-?\d+(?:\.\d+)?", printed)]
            if len(parts) < row.width:
                readings[row.key] = splits(parts, row.width, row.sums, limit=24)
        changed = True
        while changed and table.column_identities:  # a resolved row may resolve another
            changed = False
            for key, found in readings.items():
                fitting = [f for f in found if _fits(table, expected[table.key], key, f, readings)]
                if len(found) > 1 and len(fitting) == 1:
                    readings[key], changed = fitting, True
        _resolve_together(table, expected[table.key], readings)
        ambiguous += [(table, key) for key, found in readings.items() if len(found) != 1]
    for table, key in ambiguous:
        for r, c, _ in table.row(key).cells:
            expected[table.key][r][c] = None
        if table.key == "table3" and key in OTHER_SUBROWS:
            expected[table]["other"] = dict.fromkeys(expected[table]["other"])
    if ambiguous:
        expected["findings_must"] = ["CELL_AMBIGUOUS"]
    expected["notes"] = f"glued; rows that split more than one way, left null: {sorted(k for _, k in ambiguous)}"
    return expected


def _resolve_together(table, values: dict, readings: dict) -> None:
    """Rows still ambiguous one by one, tried together: the one combination of their
    readings under which every identity they take part in holds in every column (all
    other rows known) settles them all."""
    open_rows = [k for k, found in readings.items() if len(found) > 1]
    involved = [(i.left, i.right) for i in table.column_identities if set(open_rows) & set(i.terms)]
    if len(open_rows) < 2 or not involved or any(len(readings[k]) >= 24 for k in open_rows) \
            or any(len(readings.get(r, [0])) != 1 and r not in open_rows for l, rr in involved for r in l + rr):
        return
    fitting = []
    for combo in itertools.product(*(readings[k] for k in open_rows)):
        mine = {k: dict(zip((c for _, c, _ in table.row(k).cells), reading)) for k, reading in zip(open_rows, combo)}
        get = (lambda r, col: mine[r][col] if r in mine else values[r][col])
        if all(sum(get(r, col) for r in l) == sum(get(r, col) for r in rr)
               for l, rr in involved for _, col, _ in table.rows[0].cells):
            fitting.append(combo)
    if len(fitting) == 1:
        for k, reading in zip(open_rows, fitting[0]):
            readings[k] = [reading]


def _fits(table, values: dict, key: str, reading: list, readings: dict) -> bool:
    """Whether a reading keeps every column identity whose other rows are unambiguous."""
    row = table.row(key)
    mine = {c: v for (_, c, _), v in zip(row.cells, reading)}
    for left, right in ((i.left, i.right) for i in table.column_identities):
        if key not in left + right or any(len(readings.get(r, [0])) != 1 for r in left + right if r != key):
            continue
        for col in mine:
            get = (lambda r: mine[col] if r == key else values[r][col])
            if sum(map(get, left)) != sum(map(get, right)):
                return False
    return True


if __name__ == "__main__":
    (OUT / "expected").mkdir(parents=True, exist_ok=True)
    write("crawler_spaces_2021", "2021", 2023, 1, glued=False)
    write("crawler_spaces_2019", "2019", 2020, 2, glued=False)
    write("crawler_glued_2021", "2021", 2022, 3, glued=True)
    write("crawler_glued_2019", "2019", 2019, 4, glued=True)
