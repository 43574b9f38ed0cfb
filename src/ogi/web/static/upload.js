// The upload page: files dropped or chosen are sent one by one to /api/uploads, pasted
// URLs one by one to /api/urls; each gets a row with its progress, then its result.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form) return;
  var input = document.getElementById("files");
  var urls = document.getElementById("urls");
  var zone = document.getElementById("dropzone");
  var panel = document.getElementById("results-panel");
  var tbody = document.querySelector("#results tbody");
  var STATUS = { stored: "已入库", exists: "已有此报告", failed: "失败", refused: "拒收", skipped: "跳过" };

  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () { zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (e) {
    e.preventDefault();
    input.files = e.dataTransfer.files;
    zone.querySelector("span").textContent = "已选择 " + input.files.length + " 个文件";
  });
  input.addEventListener("change", function () {
    zone.querySelector("span").textContent = "已选择 " + input.files.length + " 个文件";
  });

  function cell(tr, text) {
    var td = document.createElement("td");
    td.textContent = text === null || text === undefined ? "" : String(text);
    tr.appendChild(td);
    return td;
  }

  function newRow(name) {
    panel.hidden = false;
    var tr = document.createElement("tr");
    cell(tr, name);
    var progress = document.createElement("progress");
    progress.max = 100;
    progress.value = 0;
    cell(tr, "").appendChild(progress);
    for (var i = 0; i < 5; i++) cell(tr, "");
    tbody.appendChild(tr);
    return tr;
  }

  function fill(tr, result) {
    var tds = tr.children;
    tds[1].textContent = "完成";
    tr.className = "result-" + result.status;
    tds[2].textContent = "";
    if (result.report_id) {
      var a = document.createElement("a");
      a.href = "/reports/" + result.report_id;
      a.textContent = STATUS[result.status] || result.status;
      tds[2].appendChild(a);
    } else {
      tds[2].textContent = (STATUS[result.status] || result.status) + ":" + (result.reason || "");
    }
    tds[3].textContent = result.agency || "";
    tds[4].textContent = result.year || "";
    tds[5].textContent = result.errors;
    tds[6].textContent = result.warnings;
  }

  function failed(tr, message) {
    tr.children[1].textContent = "完成";
    tr.children[2].textContent = "失败:" + message;
    tr.className = "result-failed";
  }

  function detail(xhr) {
    try { var d = JSON.parse(xhr.responseText).detail; return typeof d === "string" ? d : JSON.stringify(d); }
    catch (e) { return "HTTP " + xhr.status; }
  }

  function send(url, body, tr, json) {
    return new Promise(function (resolve) {
      var xhr = new XMLHttpRequest();
      xhr.open("POST", url);
      if (json) xhr.setRequestHeader("Content-Type", "application/json");
      var progress = tr.querySelector("progress");
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) progress.value = e.loaded / e.total * 100;
      };
      xhr.upload.onload = function () { tr.children[1].textContent = "解析中…"; };
      xhr.onload = function () {
        if (xhr.status === 200) {
          var results = JSON.parse(xhr.responseText).results;
          fill(tr, results[0]);
          results.slice(1).forEach(function (r) { fill(newRow(r.name), r); });
        } else {
          failed(tr, detail(xhr));
        }
        resolve();
      };
      xhr.onerror = function () { failed(tr, "网络错误 / network error"); resolve(); };
      xhr.send(body);
    });
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    var files = Array.prototype.slice.call(input.files);
    for (var i = 0; i < files.length; i++) {
      var data = new FormData();
      data.append("files", files[i]);
      await send("/api/uploads", data, newRow(files[i].name), false);
    }
    var lines = urls.value.split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
    for (var j = 0; j < lines.length; j++) {
      await send("/api/urls", JSON.stringify({ urls: [lines[j]] }), newRow(lines[j]), true);
    }
    input.value = "";
    urls.value = "";
    zone.querySelector("span").textContent = "把报告文件拖到这里,或点击选择文件";
    button.disabled = false;
  });
})();
