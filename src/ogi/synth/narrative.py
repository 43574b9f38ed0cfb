"""The narrative of a synthetic report, written as real reports write it, so that clean
synthetic reports measure false alarms.

Every figure the prose states agrees with the printed tables (a clean report), but it is
stated in the many ways real reports state it — the phrasings the checks must read right:

- applications: ``全年新收…申请N件``, ``共受理…申请N件(含上年结转M件)``, ``办结N件``,
  with a 同比 comparison with last year (``比上年增加3件``, ``同比持平``) beside them;
- reviews and suits: ``行政复议a件、行政诉讼b件``, ``行政复议和行政诉讼各N件``,
  ``共N件,其中行政复议a件、行政诉讼b件``, ``未发生…行政复议、行政诉讼``;
- scope: a government speaks for the whole jurisdiction (``全区``), its office for itself
  (``区政府办代表区政府受理…申请``, a number that is the office's, not the table's), a
  department as ``我局``/``本机关``, a township as ``我镇``/``本街道``; a department writes of
  its government (``在区委、区政府的坚强领导下``) as department reports beside their
  government do;
- fees: section 六 says what 信息处理费 was collected, consistent with table 三's
  ``other.no_fee`` (2021) — no notice denied when applications were dropped for a fee;
- sections 五 and 六 with the year-to-year wording (``{year + 1}年,我们将…``).

The prose draws from its own random stream (seeded by the caller), so adding a phrasing
here does not change the tables of the corpus.
"""

from __future__ import annotations

import random

from .profile import Profile

DEPARTMENT_SELF = ("我局", "本机关", "我单位")
TOWNSHIP_SELF = {"镇": "我镇", "乡": "我乡", "街道": "我街道", "办事处": "本单位"}
OFFICE_SHARE = 0.5  # governments whose text also gives the office's own count (洪泽区 2024)


def _level(p: Profile) -> str:
    """区, 县 or 市: the jurisdiction word of the agency's county or city."""
    for word in ("区", "县", "市"):
        if p.scale == "city":
            return "市"
        if word in p.agency[:6]:
            return word
    return "区"


def _self(p: Profile, rng: random.Random) -> str:
    """How the report names its own agency as a subject."""
    if p.scale == "township":
        return next((v for k, v in TOWNSHIP_SELF.items() if p.agency.endswith(k)), "我镇")
    if p.agency.endswith("人民政府"):
        return "全" + _level(p)
    return rng.choice(DEPARTMENT_SELF)


def _change(now: int, before: int) -> str:
    """A 同比 comparison with last year's count (no count: it is not a figure of this year)."""
    if now == before:
        return "与上年持平"
    word = "增加" if now > before else "减少"
    return f"同比{word}{abs(now - before)}件"


def applications(rng: random.Random, p: Profile, who: str, table3: dict) -> str:
    new, over = table3["new_received"]["total"], table3["carried_over"]["total"]
    done, forward = table3["total"]["total"], table3["carried_forward"]["total"]
    if not (new or over):
        return rng.choice((f"{who}全年未收到政府信息公开申请。", "本年度未收到政府信息公开申请。"))
    last = max(0, new + rng.randint(-5, 5))
    phrasing = rng.randrange(3)
    if phrasing == 0:
        return (f"全年新收政府信息公开申请{new}件,{_change(new, last)},上年结转{over}件,办结{done}件,"
                f"结转下年度继续办理{forward}件。")
    if phrasing == 1:
        return (f"{p.year}年,{who}共收到政府信息公开申请{new}件,{_change(new, last)};"
                f"上年度结转申请{over}件;共办结{done}件,{forward}件结转至下一年度办理。")
    return (f"{who}全年受理政府信息公开申请{new}件(另有上年结转{over}件),均在法定期限内予以答复,"
            f"办结{done}件。")


def appeals(rng: random.Random, who: str, table4: dict) -> str:
    review = table4["review"]["total"]
    suits = table4["litigation_direct"]["total"] + table4["litigation_after_review"]["total"]
    if not (review or suits):
        return rng.choice((f"{who}全年未发生因政府信息公开引起的行政复议、行政诉讼。",
                           "本年度未发生政府信息公开行政复议和行政诉讼案件。",
                           "全年无因政府信息公开申请引发的行政复议、行政诉讼。"))
    phrasings = [f"{who}因政府信息公开申请引发行政复议{review}件、行政诉讼{suits}件。",
                 f"全年发生政府信息公开行政复议{review}件,行政诉讼{suits}件。",
                 f"本年度共发生政府信息公开行政复议和行政诉讼{review + suits}件,其中行政复议{review}件、"
                 f"行政诉讼{suits}件。"]
    if review == suits:
        phrasings.append(f"全年因政府信息公开被申请行政复议和提起行政诉讼各{review}件。")
    return rng.choice(phrasings)


def _office(rng: random.Random, p: Profile) -> list[str]:
    """A government's office counting its own applications (not the table's figure)."""
    if not p.agency.endswith("人民政府") or rng.random() >= OFFICE_SHARE:
        return []
    level = _level(p)
    return [f"{level}政府办代表{level}政府受理政府信息公开申请{rng.randint(1, 30)}件,均按时答复。"]


def fee(rng: random.Random, p: Profile, table3: dict) -> str:
    """Section 六 on 信息处理费: none charged, or notices sent where applications were
    dropped for a fee not paid."""
    no_fee = (table3.get("other.no_fee") or {}).get("total") or 0
    if no_fee:
        return (f"本年度依据《政府信息公开信息处理费管理办法》向申请人发出收费通知{no_fee}份,"
                "申请人均未在期限内缴纳,相关申请不再处理。")
    return rng.choice(("本年度未收取信息处理费。",
                       "本年度未向申请人发出收费通知,未收取信息处理费。",
                       f"{p.year}年度,未收取政府信息公开信息处理费。"))


def sections(rng: random.Random, p: Profile, table3: dict, table4: dict, published: int) -> dict[str, list[str]]:
    """Section key → paragraphs (sections 一, 五, 六); ``published``: the count of items
    published proactively that section 一 states."""
    who = _self(p, rng)
    level = _level(p)
    lead = (f"{p.year}年,在{level}委、{level}政府的坚强领导下,{p.agency}认真贯彻落实《中华人民共和国政府信息公开条例》,"
            if not p.agency.endswith("人民政府") and p.scale != "city" else
            f"{p.year}年,{p.agency}认真贯彻落实《中华人民共和国政府信息公开条例》,")
    s1 = [
        lead + "坚持以公开为常态、不公开为例外,扎实推进政府信息公开工作。",
        f"(一)主动公开。全年通过政府门户网站主动公开政府信息{published}条,及时发布政策文件和解读。",
        "(二)依申请公开。" + applications(rng, p, who, table3),
        *_office(rng, p),
        "(三)政府信息管理。严格执行公开前审查制度,做好政策文件的清理和动态更新。",
        "(四)政府信息公开平台建设。加强政府网站和政务新媒体管理,确保平台安全平稳运行。",
        "(五)监督保障。将政务公开工作纳入年度考核,开展业务培训,强化责任落实。",
        appeals(rng, who, table4),
    ]
    scope = f"全{level}" if p.agency.endswith("人民政府") else rng.choice(("我单位", "我局", "本机关"))
    s5 = [f"{p.year}年,{scope}政府信息公开工作取得了一定成效,但仍存在公开内容不够全面、解读形式较为单一等问题。",
          f"{p.year + 1}年,我们将进一步拓展公开深度和广度,丰富政策解读形式,提升政府信息公开工作质量。"]
    s6 = [fee(rng, p, table3) + "无其他需要报告的事项。"]
    return {"s1": s1, "s5": s5, "s6": s6}
