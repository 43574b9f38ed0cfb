"""The agency side of the web app: write a report in ogi.

Behind the same login as reviewers (the server's token; reading needs none, every change
needs it): upload the report's data (a filled-in form or JSON) with the application
ledger, whose tables 三 and 四 replace the data's; edit the narrative section by section;
preview the report in the official layout; check it; publish it; download it as PDF,
DOCX or HTML. Each step calls :mod:`ogi.ledger.workflow`, as ``ogi author`` does; a
published version is locked and a correction is saved as the next version.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from lxml import html as lxml_html
from lxml.html import builder as E
from markupsafe import Markup

from ...ledger import LedgerError, apply, read_ledger
from ...ledger.workflow import STATE_LABELS, WorkflowError, check, every_latest, publish, save, versions
from ...model import SectionText
from ...render import InvalidReport, render as render_file
from ...render.checked import load
from ...render.html import CSS, table_element
from ...render.layout import page_of
from ...template import SECTIONS
from ..security import require_writer
from . import render

router = APIRouter(include_in_schema=False)
DOWNLOADS = {"pdf": "application/pdf", "html": "text/html; charset=utf-8",
             "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def _path(agency: str, year: int) -> str:
    return f"/author/{quote(agency)}/{year}"


@router.get("/author", response_class=HTMLResponse)
def author_list(request: Request):
    with request.app.state.site.store() as db:
        listed = every_latest(db)
    return render(request, "author_list.html", listed=listed, states=STATE_LABELS, path=_path, problems=None)


@router.post("/author", response_class=HTMLResponse, dependencies=[Depends(require_writer)])
def author_upload(request: Request, data: UploadFile = File(...), ledger: UploadFile | None = File(None)):
    problems: list[str] = []
    try:
        report = _load_upload(data)
        if ledger is not None and ledger.filename:
            apply(report, read_ledger(ledger.filename, ledger.file.read()))
        with request.app.state.site.store() as db:
            v = save(db, report)
    except (InvalidReport, LedgerError) as exc:
        problems = [str(p) for p in exc.problems]
    except WorkflowError as exc:
        problems = [str(exc)]
    if problems:
        return render(request, "author_list.html", status_code=400, listed=[], states=STATE_LABELS, path=_path,
                      problems=problems)
    return RedirectResponse(_path(v.agency, v.year), status_code=303)


def _load_upload(upload: UploadFile):
    suffix = Path(upload.filename or "data.json").suffix or ".json"
    with tempfile.NamedTemporaryFile(suffix=suffix) as tmp:
        tmp.write(upload.file.read())
        tmp.flush()
        return load(Path(tmp.name))


def _version(request: Request, agency: str, year: int):
    with request.app.state.site.store() as db:
        found = versions(db, agency, year)
    if not found:
        raise HTTPException(404, f"{agency} {year} 年度没有报告")
    return found


@router.get("/author/{agency}/{year}", response_class=HTMLResponse)
def author_report(request: Request, agency: str, year: int, findings: list | None = None, message: str | None = None):
    found = _version(request, agency, year)
    last = found[-1]
    return render(request, "author_report.html", version=last, history=found, states=STATE_LABELS,
                  sections=[(s, last.report.sections.get(s.key)) for s in SECTIONS], preview=_preview(last.report),
                  css=Markup(CSS.replace("body {", ".official-page {")), path=_path(agency, year),
                  findings=findings, message=message)


def _preview(report) -> Markup:
    """The report in the official layout, as the rendered page shows it."""
    page = page_of(report)
    body = [E.H1(page.title)]
    for part in page.parts:
        body.append(E.H2(part.heading))
        body += [E.P(p) for p in part.paragraphs]
        if part.table is not None:
            body.append(table_element(part.table))
    return Markup(lxml_html.tostring(E.DIV(*body, **{"class": "official-page"}), encoding="unicode"))


@router.post("/author/{agency}/{year}/text", response_class=HTMLResponse, dependencies=[Depends(require_writer)])
async def author_text(request: Request, agency: str, year: int):
    form = await request.form()
    report = _version(request, agency, year)[-1].report.model_copy(deep=True)
    for s in SECTIONS:
        text = "\n".join(p.strip() for p in str(form.get(s.key, "")).replace("\r", "\n").split("\n") if p.strip())
        heading = str(form.get(f"{s.key}_heading", "")).strip() or s.heading
        if text:
            report.sections[s.key] = SectionText(heading=heading, text=text)
        else:
            report.sections.pop(s.key, None)
    with request.app.state.site.store() as db:
        save(db, report)
    return RedirectResponse(_path(agency, year), status_code=303)


@router.post("/author/{agency}/{year}/check", response_class=HTMLResponse, dependencies=[Depends(require_writer)])
def author_check(request: Request, agency: str, year: int):
    try:
        with request.app.state.site.store() as db:
            v, found = check(db, agency, year)
    except WorkflowError as exc:
        return author_report(request, agency, year, message=str(exc))
    return author_report(request, agency, year, findings=found,
                         message="校验通过,可以发布" if v.state == "checked" else "有错误,请修改后再校验")


@router.post("/author/{agency}/{year}/publish", response_class=HTMLResponse, dependencies=[Depends(require_writer)])
def author_publish(request: Request, agency: str, year: int, date: str = Form("")):
    from datetime import date as Date

    try:
        day = Date.fromisoformat(date) if date else None
        with request.app.state.site.store() as db:
            v, late = publish(db, agency, year, day)
    except ValueError as exc:  # WorkflowError is a ValueError, as is a bad date
        return author_report(request, agency, year, message=str(exc))
    return author_report(request, agency, year, findings=late, message=f"第 {v.version} 版已发布")


@router.get("/author/{agency}/{year}/report.{kind}")
def author_download(request: Request, agency: str, year: int, kind: str, version: int | None = None):
    if kind not in DOWNLOADS:
        raise HTTPException(404, "只能下载 pdf、docx 或 html")
    found = [v for v in _version(request, agency, year) if version is None or v.version == version]
    if not found:
        raise HTTPException(404, f"没有第 {version} 版")
    v = found[-1]
    data = render_file(v.report, kind, draft=v.state != "published")
    name = quote(f"{agency}{year}年度报告-第{v.version}版.{kind}")
    return Response(data, media_type=DOWNLOADS[kind],
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"})
