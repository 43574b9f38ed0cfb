// The report page: a click on a value cell or on a finding's place marks where it came
// from in the original beside the tables (the source line, or the cell's box on a PDF page).
(function () {
  "use strict";
  var original = document.getElementById("original");
  if (!original) return;
  var kind = original.getAttribute("data-kind");
  var source = original.querySelector(".source");

  function clearSelection() {
    document.querySelectorAll(".selected").forEach(function (e) { e.classList.remove("selected"); });
    original.querySelectorAll(".src.mark").forEach(function (e) { e.classList.remove("mark"); });
    original.querySelectorAll(".box.current").forEach(function (e) { e.remove(); });
  }

  function blockAt(line) {
    var blocks = original.querySelectorAll(".src[data-first]");
    var after = null;
    for (var i = 0; i < blocks.length; i++) {
      var first = +blocks[i].getAttribute("data-first"), last = +blocks[i].getAttribute("data-last");
      if (first <= line && line <= last) return blocks[i];
      if (!after && first > line) after = blocks[i];
    }
    return after;
  }

  function markLine(line, cls) {
    var block = blockAt(line);
    if (!block) return null;
    block.classList.add(cls);
    return block;
  }

  function scrollToBlock(block) {
    if (!block || !source) return;
    source.scrollTop = block.offsetTop - source.offsetTop - source.clientHeight / 3;
  }

  function pageEl(n) { return original.querySelector('.page[data-page="' + n + '"]'); }

  function showPage(n) {
    var target = pageEl(n);
    if (!target) return null;
    original.querySelectorAll(".page").forEach(function (p) { p.hidden = p !== target; });
    original.querySelectorAll(".page-button").forEach(function (b) {
      b.classList.toggle("active", b.getAttribute("data-page") === String(n));
    });
    var img = target.querySelector("img");
    if (img && !img.getAttribute("src")) img.setAttribute("src", img.getAttribute("data-src"));
    return target;
  }

  function addBox(n, bbox, cls) {
    var page = pageEl(n);
    if (!page || !bbox) return null;
    var w = +page.getAttribute("data-width"), h = +page.getAttribute("data-height");
    var b = bbox.split(",").map(Number);
    var box = document.createElement("div");
    box.className = "box " + cls;
    box.style.left = (b[0] / w * 100) + "%";
    box.style.top = (b[1] / h * 100) + "%";
    box.style.width = ((b[2] - b[0]) / w * 100) + "%";
    box.style.height = ((b[3] - b[1]) / h * 100) + "%";
    page.appendChild(box);
    return box;
  }

  function locate(where) {
    if (kind === "lines" && where.line) {
      scrollToBlock(markLine(+where.line, "mark"));
    } else if (kind === "pages" && where.page) {
      showPage(+where.page);
      var box = addBox(+where.page, where.bbox, "current");
      if (box) box.scrollIntoView({ block: "nearest" });
    }
  }

  function placeOf(el) {
    return { line: el.getAttribute("data-line"), page: el.getAttribute("data-page"), bbox: el.getAttribute("data-bbox") };
  }

  function cellsOf(where) {
    if (!where) return [];
    return Array.prototype.filter.call(document.querySelectorAll("td[data-key]"), function (td) {
      var key = td.getAttribute("data-key");
      return key === where || key.indexOf(where + ".") === 0;
    });
  }

  document.querySelectorAll("td[data-key]").forEach(function (td) {
    td.addEventListener("click", function () {
      clearSelection();
      td.classList.add("selected");
      locate(placeOf(td));
      var ids = (td.getAttribute("data-findings") || "").split(",").filter(Boolean);
      ids.forEach(function (id) {
        var f = document.getElementById("finding-" + id);
        if (f) f.classList.add("selected");
      });
    });
    td.addEventListener("keydown", function (event) {  // a value cell is a button for the keyboard
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); td.click(); }
    });
  });

  function selectFinding(finding) {
    clearSelection();
    finding.classList.add("selected");
    var cells = cellsOf(finding.getAttribute("data-where"));
    cells.forEach(function (td) { td.classList.add("selected"); });
    var place = placeOf(finding);
    if (!place.line && !place.page && cells.length) place = placeOf(cells[0]);
    if (cells.length && !place.bbox) place.bbox = cells[0].getAttribute("data-bbox");
    locate(place);
  }

  document.querySelectorAll(".finding .locate").forEach(function (a) {
    a.addEventListener("click", function (event) {
      event.preventDefault();
      var finding = a.closest(".finding");
      selectFinding(finding);
      history.replaceState(null, "", "#" + finding.id);
    });
  });

  document.querySelectorAll(".locate-line").forEach(function (a) {
    a.addEventListener("click", function (event) {
      event.preventDefault();
      clearSelection();
      locate(placeOf(a));
    });
  });

  original.querySelectorAll(".page-button").forEach(function (b) {
    b.addEventListener("click", function () { showPage(+b.getAttribute("data-page")); });
  });

  // what is flagged is marked from the start: its lines, or its boxes on the pages
  var flagged = document.querySelectorAll("td.flag[data-key]");
  var firstPage = null;
  flagged.forEach(function (td) {
    var place = placeOf(td);
    if (kind === "lines" && place.line) markLine(+place.line, "flagged");
    if (kind === "pages" && place.page) {
      addBox(+place.page, place.bbox, "flagged");
      if (firstPage === null) firstPage = +place.page;
    }
  });
  if (kind === "pages") {
    var anyCell = document.querySelector("td[data-key][data-page]");
    showPage(firstPage || (anyCell ? +anyCell.getAttribute("data-page") : 1));
  }
  var target = location.hash && document.getElementById(location.hash.slice(1));
  if (target && target.classList.contains("finding")) selectFinding(target);
  else if (kind === "lines") {
    var firstFlag = original.querySelector(".src.flagged");
    scrollToBlock(firstFlag);
  }
})();
